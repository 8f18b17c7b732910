#include "engine/sim/cost_model.h"

#include <array>
#include <fstream>
#include <sstream>
#include <string_view>

#include <nlohmann/json.hpp>

namespace looplab::sim {
namespace {

struct Field {
    std::string_view name;
    uint64_t CostModel::*member;
};

// One table, so loading, printing and the docs never disagree on a name.
constexpr std::array kFields{
    Field{"instruction_ns", &CostModel::instruction_ns},
    Field{"builtin_call_ns", &CostModel::builtin_call_ns},
    Field{"callback_dispatch_ns", &CostModel::callback_dispatch_ns},
    Field{"loop_iteration_ns", &CostModel::loop_iteration_ns},
    Field{"timer_start_ns", &CostModel::timer_start_ns},
    Field{"console_write_ns", &CostModel::console_write_ns},
    Field{"module_load_ns", &CostModel::module_load_ns},
    Field{"pool_dispatch_ns", &CostModel::pool_dispatch_ns},
    Field{"pbkdf2_iteration_ns", &CostModel::pbkdf2_iteration_ns},
    Field{"scrypt_unit_ns", &CostModel::scrypt_unit_ns},
    Field{"hash_byte_ns", &CostModel::hash_byte_ns},
    Field{"random_byte_ns", &CostModel::random_byte_ns},
    Field{"zlib_byte_ns", &CostModel::zlib_byte_ns},
    Field{"fs_syscall_ns", &CostModel::fs_syscall_ns},
    Field{"fs_byte_ns", &CostModel::fs_byte_ns},
    Field{"dns_lookup_ns", &CostModel::dns_lookup_ns},
    Field{"dns_resolve_ns", &CostModel::dns_resolve_ns},
    Field{"net_hop_ns", &CostModel::net_hop_ns},
    Field{"net_byte_ns", &CostModel::net_byte_ns},
    Field{"worker_startup_ns", &CostModel::worker_startup_ns},
    Field{"worker_message_ns", &CostModel::worker_message_ns},
    Field{"worker_message_byte_ns", &CostModel::worker_message_byte_ns},
    Field{"fork_ns", &CostModel::fork_ns},
    Field{"ipc_hop_ns", &CostModel::ipc_hop_ns},
    Field{"ipc_byte_ns", &CostModel::ipc_byte_ns},
};

// A cost above one virtual hour per unit is certainly a mistake.
constexpr uint64_t kMaxCostNs = 3600ULL * 1'000'000'000ULL;

}  // namespace

std::optional<std::string> CostModel::load_overrides(const std::string& path) {
    std::ifstream in(path);
    if (!in) return "cannot read cost model file " + path;
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        return "cost model " + path + ": " + e.what();
    }
    if (!doc.is_object()) return "cost model " + path + ": expected a JSON object";
    CostModel result = *this;
    for (const auto& [key, value] : doc.items()) {
        const Field* field = nullptr;
        for (const Field& f : kFields) {
            if (f.name == key) field = &f;
        }
        if (field == nullptr) return "cost model " + path + ": unknown key \"" + key + "\"";
        if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<int64_t>() >= 0)) {
            return "cost model " + path + ": \"" + key + "\" must be a non-negative integer (ns)";
        }
        const uint64_t ns = value.get<uint64_t>();
        if (ns > kMaxCostNs) return "cost model " + path + ": \"" + key + "\" is above one hour";
        result.*(field->member) = ns;
    }
    *this = result;
    return std::nullopt;
}

std::string CostModel::to_json() const {
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    for (const Field& f : kFields) doc[std::string(f.name)] = this->*(f.member);
    return doc.dump();
}

}  // namespace looplab::sim
