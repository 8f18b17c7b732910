// Node's Buffer for the runtime modules (fs, crypto, zlib...): a Uint8Array
// whose prototype is Buffer.prototype.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/js/isolate.h"

namespace looplab::js {

// A new Buffer owning `bytes` (its own ArrayBuffer).
JsTypedArray* new_buffer(Isolate& isolate, std::vector<uint8_t> bytes);
// The bytes a typed array (Buffer or any view) covers.
std::span<const uint8_t> buffer_bytes(JsTypedArray* array);
bool is_buffer(Isolate& isolate, Value v);

// Encodings Buffer.from / buf.toString accept ("utf8", "hex", "base64",
// "base64url", "latin1"/"binary", "ascii", "utf16le"/"ucs2").
enum class BufferEncoding : uint8_t { Utf8, Hex, Base64, Base64Url, Latin1, Ascii, Utf16le };
// Parses an encoding name as Node does (case-insensitive); false if unknown.
bool parse_buffer_encoding(std::string_view name, BufferEncoding* out);
std::vector<uint8_t> encode_string(std::string_view utf8, BufferEncoding encoding);
std::string decode_bytes(std::span<const uint8_t> bytes, BufferEncoding encoding);  // returns UTF-8 text

}  // namespace looplab::js
