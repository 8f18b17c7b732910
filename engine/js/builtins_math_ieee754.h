#pragma once

// Math functions with V8's results bit for bit. V8 computes these with
// fdlibm's algorithms (base/ieee754), which round differently from glibc in
// the last place; node prints the shortest round-trip digits, so every ulp
// shows. Each function follows the fdlibm/FreeBSD msun algorithm of the same
// name.
namespace looplab::js::ieee754 {

double cbrt(double x);

}  // namespace looplab::js::ieee754
