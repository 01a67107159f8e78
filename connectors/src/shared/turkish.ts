/** Upper-cases a name with Turkish rules (i→İ, ı→I), trimmed and with inner spaces collapsed, as KPS expects. */
export const turkishUpper = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleUpperCase('tr-TR');
