// Dates built from fixed timestamps are deterministic (UTC methods, toISOString).
const epoch = new Date(0);
console.log(epoch.toISOString(), epoch.getTime(), epoch.getUTCFullYear());
const d = new Date(Date.UTC(2020, 1, 29, 12, 30, 45, 123));
console.log(d.toISOString(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.valueOf());
console.log(JSON.stringify({ d }), new Date('2000-01-01T00:00:00Z').getTime());
const next = new Date(d.getTime() + 24 * 3600 * 1000);
console.log(next.toISOString());
console.log(isNaN(new Date('not a date')), String(new Date(NaN)), new Date(8.64e15 + 1).getTime());
console.log(Date.UTC(1970, 0, 1), new Date(1e12).toISOString());
