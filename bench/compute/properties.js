// Property reads and writes on small objects.
const points = [];
for (let i = 0; i < 1000; i++) points.push({ x: i, y: i * 2, z: 0 });
let total = 0;
for (let round = 0; round < 300; round++) {
  for (const p of points) {
    p.z = p.x + p.y;
    total += p.z;
  }
}
console.log(total);
