// Row types of the programmes feature's tables.

export interface ProgrammesTables {}
