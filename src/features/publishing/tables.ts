// Row types of the publishing feature's tables.

export interface PublishingTables {}
