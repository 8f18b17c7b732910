// The JavaScript library facility (engine/node/jslib.h): embedded sources,
// one run per isolate, internal frames, and a `binding` user code never
// reaches.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/node/jslib.h"
#include "engine/node/process_run.h"
#include "engine/trace/trace.h"
#include "tests/unit/recorded_run.h"

using namespace looplab;

namespace {

std::unique_ptr<test::RecordedRun> run(const std::string& source) { return test::record_source("test-jslib", source); }

}  // namespace

TEST_CASE("jslib: the embedded sources are sorted by name and findable") {
    const auto sources = node::js_library_sources();
    REQUIRE(!sources.empty());
    CHECK(std::is_sorted(sources.begin(), sources.end(),
                         [](const auto& a, const auto& b) { return a.name < b.name; }));
    const node::JsLibrarySource* readable = node::find_js_library_source("internal/streams/readable");
    REQUIRE(readable != nullptr);
    CHECK(readable->source.find("function Readable(") != std::string_view::npos);
    CHECK(node::find_js_library_source("stream") != nullptr);
    CHECK(node::find_js_library_source("no/such/module") == nullptr);
    CHECK(node::is_internal_library_module("internal/errors"));
    CHECK(!node::is_internal_library_module("stream"));
}

TEST_CASE("jslib: a library module runs once per isolate") {
    // Each run of a module creates new classes, so identity across every
    // path that reaches stream proves a single run.
    auto r = run(R"(
const a = require('stream');
const b = require('node:stream');
const rl = require('readline');
const { Readable } = require('stream');
const fsReadable = Object.getPrototypeOf(require('fs').ReadStream.prototype).constructor;
console.log(a === b, a.Readable === Readable, fsReadable === Readable, require('stream/promises') === a.promises);
)");
    CHECK(r->out.stdout_text == "true true true true\n");
    CHECK(r->code == 0);
}

TEST_CASE("jslib: library frames are internal and their statements are not steps") {
    auto r = run(R"(
const { Readable } = require('stream');
function userRead() { this.push('x'); this.push(null); }
new Readable({ read: userRead }).on('data', function onData(c) { console.log(String(c)); });
)");
    REQUIRE(r->out.stdout_text == "x\n");
    bool user_frame_external = false;
    bool library_frame_internal = false;
    for (const trace::Event& e : r->trace.events()) {
        if (e.kind != trace::EventKind::CallPush) continue;
        const std::string& name = r->trace.str(e.a);
        const bool internal = (e.b & 1u) != 0;
        if (name.find("userRead") != std::string::npos || name.find("onData") != std::string::npos) {
            user_frame_external = !internal;
            if (internal) FAIL("user callback marked internal: " << name);
        }
        if (internal && (name.find("read") != std::string::npos || name.find("push") != std::string::npos)) {
            library_frame_internal = true;
        }
    }
    CHECK(user_frame_external);
    CHECK(library_frame_internal);
    for (const auto& file : r->trace.files()) CHECK(file.path.rfind("node:", 0) != 0);
}

TEST_CASE("jslib: user code cannot reach binding or internal modules") {
    auto r = run(R"(
const seen = new Set();
let found = false;
function walk(v, depth) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v) || depth > 6) return;
  seen.add(v);
  if (Object.prototype.hasOwnProperty.call(v, 'makeNodeError')) found = true;
  for (const k of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, k);
    if (d && 'value' in d) walk(d.value, depth + 1);
  }
  walk(Object.getPrototypeOf(v), depth + 1);
}
for (const m of ['stream', 'readline', 'string_decoder', 'stream/promises', 'fs']) walk(require(m), 0);
walk(new (require('stream').Duplex)(), 0);
console.log('binding reachable:', found, typeof binding);
try { require('internal/errors'); } catch (e) { console.log(e.code); }
try { require('node:internal/streams/readable'); } catch (e) { console.log(e.code); }
)");
    CHECK(r->out.stdout_text == "binding reachable: false undefined\nMODULE_NOT_FOUND\nERR_UNKNOWN_BUILTIN_MODULE\n");
}

TEST_CASE("jslib: errors raised in library code name node:internal frames") {
    auto r = run(R"(
const { Readable } = require('stream');
try {
  new Readable()._read();
} catch (e) {
  console.log(e.code, e.message);
  console.log(/at .*node:internal\/streams\/readable:\d+:\d+/.test(e.stack));
}
)");
    CHECK(r->out.stdout_text == "ERR_METHOD_NOT_IMPLEMENTED The _read() method is not implemented\ntrue\n");
}

TEST_CASE("fs streams: a read stream issues one pool request per highWaterMark chunk") {
    // 150 bytes in 64-byte chunks: open, reads of 64, 64 and 22 bytes, the
    // read that finds the end (0 bytes), close — as Node's ReadStream does.
    test::write_program("test-jslib", "data.bin", std::string(150, 'x'));
    auto r = run(R"(
const sizes = [];
require('fs').createReadStream(__dirname + '/data.bin', { highWaterMark: 64 })
  .on('data', (c) => sizes.push(c.length))
  .on('close', () => console.log(sizes.join(',')));
)");
    CHECK(r->out.stdout_text == "64,64,22\n");
    std::vector<std::string> requests;
    for (const trace::Event& e : r->trace.events()) {
        if (e.kind == trace::EventKind::PoolQueued) requests.push_back(r->trace.str(r->trace.items()[e.a].label));
    }
    CHECK(requests == std::vector<std::string>{"fs.open", "fs.read", "fs.read", "fs.read", "fs.read", "fs.close"});
}

TEST_CASE("jslib: loading a library module records no calls (Node loads its own from a snapshot)") {
    auto count_calls = [](const test::RecordedRun& r) {
        return std::count_if(r.trace.events().begin(), r.trace.events().end(),
                             [](const trace::Event& e) { return e.kind == trace::EventKind::CallPush; });
    };
    auto plain = run("console.log(1);\n");
    auto with_stream = run("require('stream'); require('readline'); console.log(1);\n");
    REQUIRE(with_stream->out.stdout_text == "1\n");
    CHECK(count_calls(*with_stream) == count_calls(*plain));
}
