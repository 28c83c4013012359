// The engine's side of torch_module.hpp: loads libnnzip_torch.so the first time a model needs
// LibTorch, from (in this order) $NNZIP_TORCH_MODULE, the build or install tree next to the
// running program (<program dir>/../lib/nnzip/), and the installed path. Without it the tensor
// backend is reported unavailable with a clear error; everything else keeps working.
#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "../error.hpp"
#include "torch_module.hpp"

namespace nnz {
namespace {

struct LoadedModule {
    const TorchModuleApi* api = nullptr;
    std::string failure;  // why it could not be loaded
};

std::vector<std::string> candidate_paths()
{
    std::vector<std::string> paths;
    if (const char* explicit_path = std::getenv("NNZIP_TORCH_MODULE"); explicit_path && *explicit_path) {
        paths.emplace_back(explicit_path);
        return paths;  // asked for one: no silent fallback to another
    }
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) paths.push_back((program.parent_path() / ".." / "lib" / "nnzip" / kTorchModuleFile).lexically_normal().string());
#ifdef NNZIP_TORCH_MODULE_INSTALLED
    paths.emplace_back(NNZIP_TORCH_MODULE_INSTALLED);
#endif
    return paths;
}

LoadedModule load()
{
    LoadedModule loaded;
    for (const std::string& path : candidate_paths()) {
        if (::access(path.c_str(), F_OK) != 0) {
            loaded.failure += "\n  " + path + ": not found";
            continue;
        }
        // Never unloaded: predictors made by the module may live until the process ends.
        void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char* why = ::dlerror();
            loaded.failure += "\n  " + path + ": " + (why ? why : "cannot be loaded");
            continue;
        }
        using Entry = const TorchModuleApi* (*)();
        const auto entry = reinterpret_cast<Entry>(::dlsym(handle, kTorchModuleEntry));
        const TorchModuleApi* api = entry ? entry() : nullptr;
        if (!api || api->abi_version != kTorchModuleAbi) {
            loaded.failure += "\n  " + path + ": built for another version of nnzip";
            continue;
        }
        loaded.api = api;
        loaded.failure.clear();
        return loaded;
    }
    return loaded;
}

const LoadedModule& module()
{
    static const LoadedModule loaded = load();  // thread-safe, once
    return loaded;
}

const TorchModuleApi& required_module()
{
    const LoadedModule& loaded = module();
    if (!loaded.api)
        throw Error(ErrorCode::Usage, std::string("this model needs the LibTorch backend (") + kTorchModuleFile +
                                          "), which could not be loaded:" + loaded.failure);
    return *loaded.api;
}

}  // namespace

std::unique_ptr<InspectablePredictor> make_torch_lstm(const ModelShape& shape, TorchDevice device)
{
    return required_module().make_lstm(shape, device);
}

bool torch_cuda_available()
{
    const LoadedModule& loaded = module();
    return loaded.api && loaded.api->cuda_available();
}

bool torch_backend_available() { return module().api != nullptr; }

void torch_set_threads(int threads) { required_module().set_threads(threads); }

int torch_threads()
{
    const LoadedModule& loaded = module();
    return loaded.api ? loaded.api->threads() : 1;
}

}  // namespace nnz
