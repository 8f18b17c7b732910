// The I/O modules' safety and semantics: the file sandbox (escapes refused
// without touching the host, overlay writes visible to later reads), and
// Node's error shapes.
#include <unistd.h>  // getpid: CTest runs test cases as parallel processes
#include <doctest/doctest.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "engine/node/process_run.h"
#include "engine/sim/file_sandbox.h"

using namespace looplab;
namespace fs = std::filesystem;

namespace {

fs::path scenario_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("looplab-io-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir / "sub");
    std::ofstream(dir / "data.txt") << "hello";
    return dir;
}

std::string run_script(const fs::path& dir, const std::string& source, int* code = nullptr) {
    std::ofstream(dir / "main.js") << source;
    node::RunConfig config;
    config.script_path = (dir / "main.js").string();
    node::BufferSink out;
    const int c = node::run_program(config, out).exit_code;
    if (code) *code = c;
    return out.stdout_text + out.stderr_text;
}

}  // namespace

TEST_CASE("sandbox: reads stay inside the scenario folder") {
    const fs::path dir = scenario_dir("reads");
    fs::create_symlink("/etc/passwd", dir / "link-out");
    fs::create_symlink(dir / "data.txt", dir / "link-in");
    sim::FileSandbox box(dir.string(), dir.string());
    sim::FileContent c;
    CHECK(box.read(box.absolute("data.txt"), &c) == 0);
    CHECK(c.size == 5);
    CHECK(box.read(box.absolute("../../etc/passwd"), &c) == EACCES);
    CHECK(box.read("/etc/passwd", &c) == EACCES);
    CHECK(box.read(box.absolute("link-out"), &c) == EACCES);
    CHECK(box.read(box.absolute("link-in"), &c) == 0);
    CHECK(box.read(box.absolute("missing.txt"), &c) == ENOENT);
    CHECK(box.read(box.absolute("sub"), &c) == EISDIR);
    std::vector<sim::DirEntry> entries;
    CHECK(box.readdir(box.absolute(".."), &entries) == EACCES);
}

TEST_CASE("sandbox: writes go to the overlay, never to the host") {
    const fs::path dir = scenario_dir("writes");
    sim::FileSandbox box(dir.string(), dir.string());
    CHECK(box.write(box.absolute("new.txt"), "abc", false, 0) == 0);
    CHECK(box.write(box.absolute("new.txt"), "def", true, 0) == 0);
    CHECK(!fs::exists(dir / "new.txt"));
    sim::FileContent c;
    REQUIRE(box.read(box.absolute("new.txt"), &c) == 0);
    CHECK(*c.bytes == "abcdef");
    CHECK(box.write("/tmp/looplab-evil.txt", "x", false, 0) == EACCES);
    CHECK(!fs::exists("/tmp/looplab-evil.txt"));
    CHECK(box.write(box.absolute("nodir/x.txt"), "x", false, 0) == ENOENT);
    // Deleting a host file hides it; the host keeps it.
    CHECK(box.unlink(box.absolute("data.txt")) == 0);
    CHECK(box.read(box.absolute("data.txt"), &c) == ENOENT);
    CHECK(fs::exists(dir / "data.txt"));
    CHECK(box.mkdir(box.absolute("a/b/c"), true, 0) == 0);
    CHECK(box.mkdir(box.absolute("a"), false, 0) == EEXIST);
    std::vector<sim::DirEntry> entries;
    REQUIRE(box.readdir(box.absolute("."), &entries) == 0);
    std::vector<std::string> names;
    for (const auto& e : entries) names.push_back(e.name + (e.is_dir ? "/" : ""));
    CHECK(names == std::vector<std::string>{"a/", "new.txt", "sub/"});
    CHECK(box.rm(box.absolute("a"), true, false) == 0);
    CHECK(box.stat(box.absolute("a/b"), nullptr) == ENOENT);
}

TEST_CASE("fs: hostile paths get Node's errors and the host is untouched") {
    const fs::path dir = scenario_dir("hostile");
    fs::create_symlink("/etc/passwd", dir / "link-out");
    const std::string out = run_script(dir, R"(const fs = require('fs');
for (const p of ['../../etc/passwd', '/etc/passwd', 'link-out', 'missing.txt']) {
  try { fs.readFileSync(p); console.log('read', p); } catch (e) { console.log(e.message, e.code, e.errno, e.syscall); }
}
fs.writeFile('/tmp/looplab-hostile.txt', 'x', (e) => console.log(e.code));
fs.writeFileSync('inside.txt', 'ok');
console.log(fs.readFileSync('inside.txt', 'utf8'));
)");
    CHECK(out == "EACCES: permission denied, open '../../etc/passwd' EACCES -13 open\n"
                 "EACCES: permission denied, open '/etc/passwd' EACCES -13 open\n"
                 "EACCES: permission denied, open 'link-out' EACCES -13 open\n"
                 "ENOENT: no such file or directory, open 'missing.txt' ENOENT -2 open\n"
                 "ok\n"
                 "EACCES\n");
    CHECK(!fs::exists("/tmp/looplab-hostile.txt"));
    CHECK(!fs::exists(dir / "inside.txt"));
}

TEST_CASE("fs: a Sync call blocks timers for its cost") {
    const fs::path dir = scenario_dir("sync-blocks");
    const std::string out = run_script(dir, R"(const crypto = require('crypto');
setTimeout(() => console.log('timer'), 1);
const t0 = Date.now();
crypto.pbkdf2Sync('a', 'b', 100000, 32, 'sha256');
console.log('sync took at least 1 ms:', Date.now() - t0 >= 1);
)");
    CHECK(out == "sync took at least 1 ms: true\ntimer\n");
}

TEST_CASE("dns: lookup through the pool, resolve4 through the network, unknown names fail") {
    const fs::path dir = scenario_dir("dns");
    const std::string out = run_script(dir, R"(const dns = require('dns');
dns.lookup('localhost', (err, address, family) => console.log('lookup', address, family));
dns.resolve4('example.com', (err, list) => console.log('resolve4', list));
dns.lookup('nowhere.invalid', (err) => console.log(err.message, err.code, err.errno));
)");
    CHECK(out == "lookup 127.0.0.1 4\ngetaddrinfo ENOTFOUND nowhere.invalid ENOTFOUND -3008\nresolve4 [ '93.184.215.14' ]\n");
}
