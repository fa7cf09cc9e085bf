/**
 * The GUID, as Entra ID and ARM write them (tenant, client, object and subscription IDs): 8-4-4-4-12
 * hexadecimal digits, either case. One pattern for every place that reads or checks one.
 */

/** The pattern's source, for a larger expression that captures a GUID inside text. */
export const GUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

/** A whole value that is one GUID (test with `GUID.test(value)`; case-insensitive). */
export const GUID = new RegExp(`^${GUID_SOURCE}$`, 'i')
