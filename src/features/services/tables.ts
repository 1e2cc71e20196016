// Row types of the services feature's tables.

export interface ServicesTables {}
