// Async methods on classes, static async methods, and awaiting them in sequence.
class Repo {
  constructor() { this.items = []; }
  async add(x) { await null; this.items.push(x); return this.items.length; }
  static async create(...xs) {
    const r = new Repo();
    for (const x of xs) await r.add(x);
    return r;
  }
}
Repo.create('a', 'b', 'c').then(async (r) => {
  console.log(r.items);
  console.log(await r.add('d'));
});
