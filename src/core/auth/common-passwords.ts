// Passwords that appear at the top of every breach list, plus keyboard walks on Latin and Arabic
// layouts and the project's own name. Short on purpose: the length minimum does most of the work.
const list = `123456 12345678 123456789 1234567890 12345678910 password password1 password123 qwerty qwerty123
qwertyuiop 11111111 00000000 12341234 87654321 abc12345 abcd1234 iloveyou 1q2w3e4r 1q2w3e4r5t qwer1234
asdfghjk asdfghjkl zxcvbnm1 zaq12wsx 1qaz2wsx football baseball sunshine princess welcome welcome1
admin123 administrator letmein1 trustno1 superman starwars dragon12 master12 monkey12 passw0rd p@ssw0rd
p@ssword 123123123 112233445566 147258369 987654321 55555555 66666666 77777777 88888888 99999999
aaaaaaaa 11223344 12121212 q1w2e3r4 q1w2e3r4t5 changeme computer internet whatever freedom
syria123 aleppo123 damascus ahmed123 mohammad mohammed muhammad allah123 bismillah 1234qwer
wasl1234 wasl2026 waslwasl ضصثقفغعه ضصثقفغعهخح شسيبلاتن شسيبلاتنم ئءؤرلاىة ١٢٣٤٥٦٧٨ ١٢٣٤٥٦٧٨٩`;

const common = new Set(list.split(/\s+/).filter(Boolean));

export function isCommonPassword(lowercased: string): boolean {
  if (common.has(lowercased)) return true;
  // one repeated character, or a run of consecutive digits
  if (/^(.)\1+$/u.test(lowercased)) return true;
  if ('01234567890123456789'.includes(lowercased) || '98765432109876543210'.includes(lowercased)) return true;
  return false;
}
