// Spellings people actually use for the towns the network works in, beyond the gazetteer's own
// names. Normalization already folds hamza, tashkeel and letter forms (أعزاز = اعزاز = إعزاز);
// these cover transliterations and contractions it cannot guess. P-codes checked against the OCHA
// communities file (see towns.test.ts).

export type TownAlias = { pcodes: string[]; names: string[] };

export const TOWN_ALIASES: TownAlias[] = [
  { pcodes: ['C1564'], names: ['أعزاز', 'عزاز', 'Azaz', "A'zaz", 'Aazaz', "I'zaz", 'Ezaz'] },
  { pcodes: ['C1643'], names: ['مارع', "Mare'", 'Marea', 'Mare', "Mari'", 'Marie'] },
  { pcodes: ['C1581'], names: ['أخترين', 'Akhtarin', 'Aghtrin', 'Akhtrein', 'Akhtareen', 'Ahtarin'] },
  { pcodes: ['C1202'], names: ['الباب', 'باب', 'Al-Bab', 'Al Bab', 'Bab'] },
  { pcodes: ['C1250'], names: ['الراعي', 'الراعى', 'Al-Rai', "Ar-Ra'ee", "Al-Ra'i", 'Rai', 'Cobanbey', 'Çobanbey'] },
  { pcodes: ['C2227'], names: ['جرابلس', 'Jarablus', 'Jarabulus', 'Jerablus', 'Jarabalus'] },
  { pcodes: ['C1366'], names: ['عفرين', 'Afrin', 'Efrin', 'Efrîn', 'Afreen'] },
  { pcodes: ['C1767'], names: ['منبج', 'Manbij', 'Menbij', 'Manbaj', 'Minbij'] },
  // Tal'ar is one place to its people; OCHA splits it into east and west.
  { pcodes: ['C1594', 'C1595'], names: ['تل عار', 'تلعار', "Tal'ar", 'Tal Aar', 'Tal Ar', 'Tell Aar', "Tall 'Ar"] },
  { pcodes: ['C1605'], names: ['تركمان بارح', 'Turkman Bareh', 'Turkman Barih', 'Turkmen Barih', 'Turkmen Bareh'] },
];
