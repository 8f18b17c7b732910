// The `crypto` module: hashes and HMACs, PBKDF2 and scrypt through
// OpenSSL's libcrypto (the async forms on the thread pool), and random
// bytes from a deterministic generator seeded by the run's seed (a
// scenario's "random" output is the same on every run; DESIGN.md
// principle 2): SHA-256 over (seed, counter), a counter-mode DRBG.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cmath>
#include <memory>

#include "engine/js/buffer.h"
#include "engine/js/operations.h"
#include "engine/node/module_support.h"
#include "engine/node/process.h"
#include "engine/node/threadpool_support.h"

namespace looplab::node {
namespace {

using namespace js;
namespace ms = module_support;

const EVP_MD* find_digest(std::string name) {
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (name == "rsa-sha256") name = "sha256";
    return EVP_get_digestbyname(name.c_str());
}

[[noreturn]] void throw_invalid_digest(Isolate& isolate, const std::string& name) {
    ms::throw_node_error(isolate, ErrorType::TypeError, "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: " + name);
}

// A Hash or Hmac object: the data is kept and hashed at digest() (small
// scenarios; keeps no OpenSSL state alive inside the GC heap).
struct JsHash final : JsObject {
    explicit JsHash(JsObject* proto) : JsObject(proto, ObjectClass::Host) {}
    const EVP_MD* md = nullptr;
    bool hmac = false;
    bool finalized = false;
    std::string key;
    std::string data;
    size_t byte_size() const override { return sizeof(JsHash) + data.capacity() + key.capacity(); }
};

JsHash* this_hash(Isolate& isolate, const CallArgs& call) {
    if (call.this_value.is_object()) {
        if (auto* h = dynamic_cast<JsHash*>(call.this_value.as_object())) return h;
    }
    isolate.throw_type_error("Illegal invocation");
}

std::string digest_bytes(const JsHash& h) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (h.hmac) {
        HMAC(h.md, h.key.data(), int(h.key.size()), reinterpret_cast<const unsigned char*>(h.data.data()), h.data.size(),
             out, &len);
    } else {
        EVP_Digest(h.data.data(), h.data.size(), out, &len, h.md, nullptr);
    }
    return std::string(reinterpret_cast<char*>(out), len);
}

// Bytes as a Buffer, or as a string when an encoding is given.
Value encode_output(Isolate& isolate, const std::string& bytes, Value encoding) {
    if (!encoding.is_string()) return new_buffer_value(isolate, bytes);
    BufferEncoding enc = BufferEncoding::Hex;
    if (!parse_buffer_encoding(encoding.as_string()->str(), &enc)) enc = BufferEncoding::Utf8;
    return isolate.new_string(decode_bytes(
        std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), enc));
}

Value hash_update(Isolate& isolate, const CallArgs& call) {
    JsHash* h = this_hash(isolate, call);
    if (h->finalized) ms::throw_node_error(isolate, ErrorType::Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
    Value data = call.arg(0);
    if (!data.is_string() && !is_bytes_like(data)) {
        ms::throw_invalid_arg_type(isolate, "data", "string or an instance of Buffer, TypedArray, or DataView", data);
    }
    std::string enc = call.arg(1).is_string() ? call.arg(1).as_string()->str() : "utf8";
    h->data += bytes_arg(isolate, data, "data", enc);
    NodeProcess& p = process_of(isolate);
    p.charge(p.costs().hash_byte_ns * h->data.size() / 8);
    return call.this_value;
}

Value hash_digest(Isolate& isolate, const CallArgs& call) {
    JsHash* h = this_hash(isolate, call);
    if (h->finalized) ms::throw_node_error(isolate, ErrorType::Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
    h->finalized = true;
    NodeProcess& p = process_of(isolate);
    p.charge(p.costs().hash_byte_ns * h->data.size());
    return encode_output(isolate, digest_bytes(*h), call.arg(0));
}

Value make_hash(Isolate& isolate, const CallArgs& call, bool hmac) {
    Value alg = call.arg(0);
    if (!alg.is_string()) ms::throw_invalid_arg_type(isolate, "algorithm", "string", alg);
    const EVP_MD* md = find_digest(alg.as_string()->str());
    if (md == nullptr) {
        if (hmac) ms::throw_node_error(isolate, ErrorType::TypeError, "ERR_CRYPTO_INVALID_DIGEST",
                                       "Invalid digest: " + alg.as_string()->str());
        isolate.throw_error(ErrorType::Error, "Digest method not supported");
    }
    JsObject* proto = get(isolate, Value::object(call.callee), "prototype").as_object();
    auto* h = isolate.heap().make<JsHash>(proto);
    h->md = md;
    h->hmac = hmac;
    if (hmac) h->key = bytes_arg(isolate, call.arg(1), "key");
    return Value::object(h);
}

Value create_hash(Isolate& isolate, const CallArgs& call) { return make_hash(isolate, call, false); }
Value create_hmac(Isolate& isolate, const CallArgs& call) { return make_hash(isolate, call, true); }

JsFunction* hash_class(Isolate& isolate, JsObject* exports, std::string_view export_name, std::string_view class_name,
                       NativeFn factory) {
    JsFunction* ctor = ms::export_function(isolate, exports, export_name, factory, 2);
    JsFunction* klass = isolate.new_native_function(class_name, factory, 2, true);
    JsObject* proto = isolate.new_object();
    isolate.define_value(proto, "constructor", Value::object(klass));
    isolate.define_method(proto, "update", hash_update, 2);
    isolate.define_method(proto, "digest", hash_digest, 1);
    isolate.define_value(klass, "prototype", Value::object(proto));
    isolate.define_value(ctor, "prototype", Value::object(proto));
    return ctor;
}

// ---- PBKDF2 and scrypt ----

double number_arg(Isolate& isolate, Value v, std::string_view name, double min, double max) {
    if (!v.is_number()) ms::throw_invalid_arg_type(isolate, name, "number", v);
    const double d = v.as_number();
    if (std::floor(d) != d) {
        ms::throw_node_error(isolate, ErrorType::RangeError, "ERR_OUT_OF_RANGE",
                             "The value of \"" + std::string(name) + "\" is out of range. It must be an integer. Received " +
                                 to_string(isolate, v));
    }
    if (d < min || d > max) {
        ms::throw_node_error(isolate, ErrorType::RangeError, "ERR_OUT_OF_RANGE",
                             "The value of \"" + std::string(name) + "\" is out of range. It must be >= " +
                                 std::to_string(int64_t(min)) + " && <= " + std::to_string(int64_t(max)) +
                                 ". Received " + to_string(isolate, v));
    }
    return d;
}

struct KeyJob {
    std::string password, salt;
    uint64_t keylen = 0;
    std::string key;
    bool failed = false;
};

AsyncOp key_op(std::string name, uint64_t cost, std::shared_ptr<KeyJob> job, std::function<void(KeyJob&)> derive,
               std::string error_text) {
    AsyncOp op;
    op.name = std::move(name);
    op.cost_ns = cost;
    op.run = [job, derive] { derive(*job); };
    op.finish = [job, error_text](Isolate& isolate, Value* error, Value* value) {
        if (job->failed) *error = isolate.new_error(ErrorType::Error, error_text);
        else *value = new_buffer_value(isolate, job->key);
    };
    return op;
}

Value pbkdf2_common(Isolate& isolate, const CallArgs& call, bool sync) {
    NodeProcess& p = process_of(isolate);
    auto job = std::make_shared<KeyJob>();
    job->password = bytes_arg(isolate, call.arg(0), "password");
    job->salt = bytes_arg(isolate, call.arg(1), "salt");
    const double iterations = number_arg(isolate, call.arg(2), "iterations", 1, 2147483647);
    job->keylen = uint64_t(number_arg(isolate, call.arg(3), "keylen", 0, 2147483647));
    Value digest = call.arg(4);
    Value cb = Value::undefined();
    if (!sync) cb = callback_arg(isolate, call, 5);
    if (!digest.is_string()) ms::throw_invalid_arg_type(isolate, "digest", "string", digest);
    const EVP_MD* md = find_digest(digest.as_string()->str());
    if (md == nullptr) throw_invalid_digest(isolate, digest.as_string()->str());
    const uint64_t blocks = (job->keylen + EVP_MD_size(md) - 1) / EVP_MD_size(md);
    const uint64_t cost = uint64_t(iterations) * std::max<uint64_t>(1, blocks) * p.costs().pbkdf2_iteration_ns;
    AsyncOp op = key_op("crypto.pbkdf2", cost, job,
                        [md, iterations](KeyJob& j) {
                            j.key.resize(j.keylen);
                            j.failed = PKCS5_PBKDF2_HMAC(j.password.data(), int(j.password.size()),
                                                         reinterpret_cast<const unsigned char*>(j.salt.data()),
                                                         int(j.salt.size()), int(iterations), md, int(j.keylen),
                                                         reinterpret_cast<unsigned char*>(j.key.data())) != 1;
                        },
                        "PBKDF2 failed");
    if (sync) return run_sync(p, std::move(op));
    queue_with_callback(p, std::move(op), cb);
    return Value::undefined();
}

Value crypto_pbkdf2(Isolate& isolate, const CallArgs& call) { return pbkdf2_common(isolate, call, false); }
Value crypto_pbkdf2_sync(Isolate& isolate, const CallArgs& call) { return pbkdf2_common(isolate, call, true); }

Value scrypt_common(Isolate& isolate, const CallArgs& call, bool sync) {
    NodeProcess& p = process_of(isolate);
    auto job = std::make_shared<KeyJob>();
    job->password = bytes_arg(isolate, call.arg(0), "password");
    job->salt = bytes_arg(isolate, call.arg(1), "salt");
    job->keylen = uint64_t(number_arg(isolate, call.arg(2), "keylen", 0, 2147483647));
    Value options = call.arg(3);
    Value cb = Value::undefined();
    if (!sync) {
        cb = is_callable(options) ? options : callback_arg(isolate, call, 4);
        if (is_callable(options)) options = Value::undefined();
    }
    uint64_t n = 16384, r = 8, par = 1, maxmem = 32ULL << 20;
    if (options.is_object()) {
        auto opt = [&](std::string_view a, std::string_view b, uint64_t* out) {
            Value v = get(isolate, options, a);
            if (v.is_undefined()) v = get(isolate, options, b);
            if (v.is_number()) *out = uint64_t(v.as_number());
        };
        opt("N", "cost", &n);
        opt("r", "blockSize", &r);
        opt("p", "parallelization", &par);
        opt("maxmem", "maxmem", &maxmem);
    }
    if (n < 2 || (n & (n - 1)) != 0 || 128 * n * r > maxmem) {
        ms::throw_node_error(isolate, ErrorType::RangeError, "ERR_CRYPTO_INVALID_SCRYPT_PARAMS",
                             "Invalid scrypt params: error:030000E8:digital envelope routines::memory limit exceeded");
    }
    const uint64_t cost = n * r * par * p.costs().scrypt_unit_ns / 8;
    AsyncOp op = key_op("crypto.scrypt", cost, job,
                        [n, r, par, maxmem](KeyJob& j) {
                            j.key.resize(j.keylen);
                            j.failed = EVP_PBE_scrypt(j.password.data(), j.password.size(),
                                                      reinterpret_cast<const unsigned char*>(j.salt.data()),
                                                      j.salt.size(), n, r, par, maxmem + 1024,
                                                      reinterpret_cast<unsigned char*>(j.key.data()), j.keylen) != 1;
                        },
                        "scrypt failed");
    if (sync) return run_sync(p, std::move(op));
    queue_with_callback(p, std::move(op), cb);
    return Value::undefined();
}

Value crypto_scrypt(Isolate& isolate, const CallArgs& call) { return scrypt_common(isolate, call, false); }
Value crypto_scrypt_sync(Isolate& isolate, const CallArgs& call) { return scrypt_common(isolate, call, true); }

// ---- deterministic random bytes ----

// SHA-256(seed || counter) blocks; the counter lives on the module's random
// state object (native_data2 of every random native).
std::string random_bytes(Isolate& isolate, const CallArgs& call, size_t n) {
    NodeProcess& p = process_of(isolate);
    JsObject* state = call.callee->native_data2.as_object();
    double counter = get(isolate, Value::object(state), "counter").as_number();
    std::string out;
    while (out.size() < n) {
        unsigned char block[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        const std::string input = "looplab-random:" + std::to_string(p.config().seed) + ":" +
                                  std::to_string(uint64_t(counter));
        EVP_Digest(input.data(), input.size(), block, &len, EVP_sha256(), nullptr);
        out.append(reinterpret_cast<char*>(block), len);
        counter += 1;
    }
    create_data_property(isolate, state, isolate.intern("counter"), Value::number(counter));
    out.resize(n);
    return out;
}

Value crypto_random_bytes(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const size_t n = size_t(number_arg(isolate, call.arg(0), "size", 0, 2147483647));
    const std::string bytes = random_bytes(isolate, call, n);
    if (call.arg(1).is_undefined()) {
        p.charge(p.costs().random_byte_ns * n);
        return new_buffer_value(isolate, bytes);
    }
    Value cb = callback_arg(isolate, call, 1);
    AsyncOp op;
    op.name = "crypto.randomBytes";
    op.cost_ns = p.costs().random_byte_ns * n;
    op.run = [] {};
    op.finish = [bytes](Isolate& iso, Value*, Value* value) { *value = new_buffer_value(iso, bytes); };
    queue_with_callback(p, std::move(op), cb);
    return Value::undefined();
}

Value crypto_random_uuid(Isolate& isolate, const CallArgs& call) {
    std::string b = random_bytes(isolate, call, 16);
    b[6] = char((b[6] & 0x0f) | 0x40);
    b[8] = char((b[8] & 0x3f) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[(uint8_t(b[i]) >> 4) & 15];
        out += kHex[uint8_t(b[i]) & 15];
    }
    return isolate.new_string(out);
}

// randomInt([min,] max[, callback])
Value crypto_random_int(Isolate& isolate, const CallArgs& call) {
    double min = 0, max = 0;
    size_t next = 1;
    if (call.arg(1).is_number()) {
        min = call.arg(0).is_number() ? call.arg(0).as_number() : 0;
        max = call.arg(1).as_number();
        next = 2;
    } else {
        if (!call.arg(0).is_number()) ms::throw_invalid_arg_type(isolate, "max", "number", call.arg(0));
        max = call.arg(0).as_number();
    }
    if (!(max > min)) {
        ms::throw_node_error(isolate, ErrorType::RangeError, "ERR_OUT_OF_RANGE",
                             "The value of \"max\" is out of range. It must be greater than the value of \"min\" (" +
                                 to_string(isolate, Value::number(min)) + "). Received " +
                                 to_string(isolate, Value::number(max)));
    }
    const std::string b = random_bytes(isolate, call, 6);
    uint64_t x = 0;
    for (char c : b) x = (x << 8) | uint8_t(c);
    const double value = min + double(x % uint64_t(max - min));
    if (is_callable(call.arg(next))) {
        NodeProcess& p = process_of(isolate);
        Value cb = call.arg(next);
        p.tasks().queue_tick(cb, {Value::null(), Value::number(value)});
        return Value::undefined();
    }
    return Value::number(value);
}

Value crypto_timing_safe_equal(Isolate& isolate, const CallArgs& call) {
    const std::string a = bytes_arg(isolate, call.arg(0), "buf1");
    const std::string b = bytes_arg(isolate, call.arg(1), "buf2");
    if (a.size() != b.size()) {
        ms::throw_node_error(isolate, ErrorType::RangeError, "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH",
                             "Input buffers must have the same byte length");
    }
    return Value::boolean(a == b);
}

Value crypto_get_hashes(Isolate& isolate, const CallArgs&) {
    JsArray* out = isolate.new_array(0);
    for (const char* h : {"md5", "sha1", "sha224", "sha256", "sha384", "sha512"}) {
        out->elements.push_back(isolate.intern(h));
    }
    return Value::object(out);
}

}  // namespace

Value create_crypto_module(Isolate& isolate) {
    JsObject* crypto = isolate.new_object();
    hash_class(isolate, crypto, "createHash", "Hash", create_hash);
    hash_class(isolate, crypto, "createHmac", "Hmac", create_hmac);
    ms::export_function(isolate, crypto, "pbkdf2", crypto_pbkdf2, 6);
    ms::export_function(isolate, crypto, "pbkdf2Sync", crypto_pbkdf2_sync, 5);
    ms::export_function(isolate, crypto, "scrypt", crypto_scrypt, 5);
    ms::export_function(isolate, crypto, "scryptSync", crypto_scrypt_sync, 4);
    JsObject* state = isolate.new_object_with_proto(nullptr);
    create_data_property(isolate, state, isolate.intern("counter"), Value::number(0));
    ms::export_function(isolate, crypto, "randomBytes", crypto_random_bytes, 2)->native_data2 = Value::object(state);
    ms::export_function(isolate, crypto, "randomUUID", crypto_random_uuid, 1)->native_data2 = Value::object(state);
    ms::export_function(isolate, crypto, "randomInt", crypto_random_int, 3)->native_data2 = Value::object(state);
    ms::export_function(isolate, crypto, "timingSafeEqual", crypto_timing_safe_equal, 2);
    ms::export_function(isolate, crypto, "getHashes", crypto_get_hashes, 0);
    return Value::object(crypto);
}

}  // namespace looplab::node
