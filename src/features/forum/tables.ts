// Row types of the forum feature's tables.

export interface ForumTables {}
