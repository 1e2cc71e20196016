// Row types of the elections feature's tables.

export interface ElectionsTables {}
