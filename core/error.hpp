#pragma once
// The one error type of the engine and container. Every failure is thrown as nnz::Error with a
// code that front ends map to an exit status (docs/CLI.md) and a message meant for a person.
#include <stdexcept>
#include <string>

namespace nnz {

enum class ErrorCode {
    Usage,      // bad arguments or settings
    Data,       // corrupt, truncated or unsupported archive; checksum mismatch
    Io,         // cannot read, write, create or rename a file
    Exists,     // target exists and overwriting was not asked for
    Unsafe,     // an entry name or link that would escape the destination
    Password,   // an encrypted archive without its password, or with a wrong one
    Cancelled,  // the user cancelled the job
    Internal,   // a broken invariant (a bug)
};

class Error : public std::runtime_error {
public:
    Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ErrorCode code() const noexcept { return code_; }

private:
    ErrorCode code_;
};

// Exit statuses documented for the CLI: 0 ok, 1 usage, 2 data error, 3 I/O error.
inline int exit_status_for(ErrorCode code) noexcept
{
    switch (code) {
    case ErrorCode::Usage: return 1;
    case ErrorCode::Data: return 2;
    case ErrorCode::Unsafe: return 2;
    case ErrorCode::Password: return 2;
    case ErrorCode::Io: return 3;
    case ErrorCode::Exists: return 3;
    case ErrorCode::Cancelled: return 4;
    case ErrorCode::Internal: return 5;
    }
    return 5;
}

}  // namespace nnz
