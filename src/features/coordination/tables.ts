// Row types of the coordination feature's tables.

export interface CoordinationTables {}
