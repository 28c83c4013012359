#include "args.hpp"

#include <cctype>
#include <charconv>
#include <optional>
#include <utility>

#include "container/entry_pattern.hpp"
#include "container/recovery_record.hpp"
#include "error.hpp"
#include "modified_after.hpp"

namespace nnz::cli {
namespace {

[[noreturn]] void usage_error(const std::string& message) { throw Error(ErrorCode::Usage, message); }

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

int parse_count(std::string_view option, std::string_view text, int min, int max)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
        usage_error(std::string(option) + " wants a whole number from " + std::to_string(min) + " to " +
                    std::to_string(max) + ", not '" + std::string(text) + "'");
    return value;
}

// "5", "5%"; 0 (or "off") for none.
unsigned parse_percent(std::string_view option, std::string_view text)
{
    if (text == "off") return 0;
    if (text.ends_with('%')) text.remove_suffix(1);
    return static_cast<unsigned>(parse_count(option, text, 0, static_cast<int>(kMaxRecoveryPercent)));
}

Device parse_device(std::string_view text)
{
    if (text == "cpu") return Device::Cpu;
    if (text == "cuda") return Device::Cuda;
    if (text == "auto") return Device::Auto;
    usage_error("unknown device '" + std::string(text) + "' (cpu, cuda, auto)");
}

std::optional<Command> command_named(std::string_view word)
{
    if (word == "a" || word == "add") return Command::Add;
    if (word == "u" || word == "update") return Command::Update;
    if (word == "d" || word == "delete") return Command::Delete;
    if (word == "rn" || word == "rename") return Command::Rename;
    if (word == "passwd" || word == "password") return Command::Password;
    if (word == "x" || word == "extract") return Command::Extract;
    if (word == "l" || word == "list") return Command::List;
    if (word == "t" || word == "test") return Command::Test;
    if (word == "diff" || word == "compare") return Command::Diff;
    if (word == "convert") return Command::Convert;
    if (word == "repair") return Command::Repair;
    if (word == "rr" || word == "recovery") return Command::Recovery;
    if (word == "info") return Command::Info;
    if (word == "help" || word == "--help" || word == "-h") return Command::Help;
    if (word == "--version" || word == "-V" || word == "version") return Command::Version;
    return std::nullopt;
}

// Walks the tokens after the command word, splitting "--opt=value" and "-oDIR" forms.
class Tokens {
public:
    explicit Tokens(std::span<const std::string> args) : args_(args) {}
    bool done() const { return at_ >= args_.size(); }
    const std::string& next() { return args_[at_++]; }
    std::string value_for(const std::string& option, std::optional<std::string>& inline_value)
    {
        if (inline_value) return *std::exchange(inline_value, std::nullopt);
        if (done()) usage_error(option + " needs a value");
        return next();
    }

private:
    std::span<const std::string> args_;
    size_t at_ = 0;
};

void apply_option(Arguments& a, const std::string& option, std::optional<std::string>& inline_value, Tokens& tokens)
{
    // 'convert', 'u' and 'd' write an archive, so they take the options of 'a' (for 'd', they say
    // how the entries that must be compressed again are).
    const bool add = a.command == Command::Add || a.command == Command::Convert || a.command == Command::Update ||
                     a.command == Command::Delete;
    const bool extract = a.command == Command::Extract;
    // What to leave out: of the files walked (a, u), of the entries read (x, l, convert), of both (diff).
    const bool takes_exclusions = (add && a.command != Command::Delete) || extract || a.command == Command::List ||
                                  a.command == Command::Diff;
    if (option == "-f" || option == "--force" || option == "--overwrite") {
        if (a.command != Command::Add && a.command != Command::Convert && a.command != Command::Repair && !extract)
            usage_error(option + " is only for 'a', 'x', 'convert' and 'repair'");
        a.overwrite = true;
    } else if ((option == "-o" || option == "--output") && extract) {
        a.output = tokens.value_for(option, inline_value);
        if (a.output.empty()) usage_error(option + " needs a folder");
    } else if ((option == "-C" || option == "--directory") && a.command == Command::Diff) {
        a.directory = tokens.value_for(option, inline_value);
        if (a.directory.empty()) usage_error(option + " needs a folder");
    } else if (option == "--to-tar" && extract) {
        a.to_tar = tokens.value_for(option, inline_value);
        if (a.to_tar.empty()) usage_error(option + " needs a file name, or - for standard output");
    } else if ((option == "--skip-existing" || option == "-n") && extract) {
        a.skip_existing = true;
    } else if (option == "--keep-newer-files" && extract) {
        a.keep_newer = true;
    } else if (option == "--keep-both" && extract) {
        a.keep_both = true;
    } else if (option == "--strip-components" && extract) {
        a.strip_components = static_cast<unsigned>(parse_count(option, tokens.value_for(option, inline_value), 1, 4096));
    } else if (option == "--stdout" && extract) {
        a.to_stdout = true;
    } else if (option == "-p" || option == "--password") {
        a.ask_password = true;
    } else if (option == "--password-file") {
        a.password_file = tokens.value_for(option, inline_value);
        if (a.password_file.empty()) usage_error(option + " needs a file name");
    } else if (option == "--new-password-file" && a.command == Command::Password) {
        a.new_password_file = tokens.value_for(option, inline_value);
        if (a.new_password_file.empty()) usage_error(option + " needs a file name");
    } else if (option == "--remove-password" && a.command == Command::Password) {
        a.remove_password = true;
    } else if (option == "--json" && (a.command == Command::List || a.command == Command::Info)) {
        a.json = true;
    } else if (option == "--long" && a.command == Command::List) {
        a.long_listing = true;
    } else if (option.size() == 2 && option[0] == '-' && option[1] >= '0' && option[1] <= '9' && add) {
        // zip's, xz's and 7z's levels, for the hands that type them: 0 stores, then the presets
        // in thirds: each sets the codec (and the preset), as --codec and --preset do; the last says.
        const int level = option[1] - '0';
        a.compress.codec = level == 0 ? "store" : "neural";
        if (level > 0) a.compress.preset = level <= 3 ? "fast" : level <= 6 ? "default" : "max";
    } else if (option == "--codec" && add) {
        a.compress.codec = tokens.value_for(option, inline_value);
    } else if (option == "--preset" && add) {
        a.compress.preset = tokens.value_for(option, inline_value);
    } else if (option == "--device" && add) {
        a.compress.device = parse_device(tokens.value_for(option, inline_value));
    } else if (option == "--lanes" && add) {
        a.compress.lanes = parse_count(option, tokens.value_for(option, inline_value), 0, 65535);
    } else if (option == "--threads" && add) {
        a.compress.threads = parse_count(option, tokens.value_for(option, inline_value), 0, 1024);
    } else if (option == "--block-size" && add) {
        a.compress.block_size = parse_size(tokens.value_for(option, inline_value));
    } else if (option == "--memory" && add) {
        a.compress.memory_limit = parse_size(tokens.value_for(option, inline_value));
    } else if ((option == "-x" || option == "--exclude") &&
               takes_exclusions) {
        a.compress.exclude.push_back(tokens.value_for(option, inline_value));
    } else if ((option == "-i" || option == "--include") && (a.command == Command::Add || a.command == Command::Update)) {
        a.compress.include.push_back(tokens.value_for(option, inline_value));
    } else if ((option == "-X" || option == "--exclude-from") &&
               takes_exclusions) {
        a.exclude_from.push_back(tokens.value_for(option, inline_value));
        if (a.exclude_from.back().empty() || a.exclude_from.back() == "-")
            usage_error(option + " needs a file of patterns (not standard input)");
    } else if (option == "--stdin-name" && (a.command == Command::Add || a.command == Command::Update)) {
        a.compress.stdin_name = tokens.value_for(option, inline_value);
        if (a.compress.stdin_name.empty()) usage_error(option + " needs a name");
    } else if ((option == "-T" || option == "--files-from") && (a.command == Command::Add || a.command == Command::Update ||
                                                               extract || a.command == Command::Delete)) {
        a.files_from = tokens.value_for(option, inline_value);
        if (a.files_from.empty()) usage_error(option + " needs a file name, or - for standard input");
    } else if (option == "--null" && (a.command == Command::Add || a.command == Command::Update || extract ||
                                      a.command == Command::Delete)) {
        a.null_separated = true;
    } else if (option == "--into" && (a.command == Command::Add || a.command == Command::Update)) {
        a.compress.into = tokens.value_for(option, inline_value);
        if (a.compress.into.empty()) usage_error(option + " needs a folder name");
    } else if ((option == "-v" || option == "--volume-size") &&
               (a.command == Command::Add || a.command == Command::Convert)) {
        a.compress.volume_size = parse_size(tokens.value_for(option, inline_value));
    } else if (option == "--test" && (add || a.command == Command::Rename || a.command == Command::Password ||
                                      a.command == Command::Recovery || a.command == Command::Repair)) {
        a.compress.test = true;
    } else if (option == "--recovery" && add) {
        a.compress.recovery_percent = parse_percent(option, tokens.value_for(option, inline_value));
    } else if (option == "--no-owners" && add && a.command != Command::Delete) {
        a.compress.recorded.owners = false;
    } else if (option == "--no-xattrs" && add && a.command != Command::Delete) {
        a.compress.recorded.xattrs = false;
    } else if (option == "--no-acls" && add && a.command != Command::Delete) {
        a.compress.recorded.acls = false;
    } else if (option == "--remove-files" && (a.command == Command::Add || a.command == Command::Update)) {
        a.compress.remove_files = true;
    } else if ((option == "-L" || option == "--dereference") && (a.command == Command::Add || a.command == Command::Update)) {
        a.compress.follow_symlinks = true;
    } else if (option == "--exclude-vcs" && (a.command == Command::Add || a.command == Command::Update)) {
        a.compress.exclude_vcs = true;
    } else if (option == "--exclude-caches" && (a.command == Command::Add || a.command == Command::Update)) {
        a.compress.exclude_caches = true;
    } else if (option == "--exclude-tag" && (a.command == Command::Add || a.command == Command::Update)) {
        std::string tag = tokens.value_for(option, inline_value);
        if (tag.empty() || tag == "." || tag == ".." || tag.find('/') != std::string::npos)
            usage_error(option + " takes the name of a file (.nobackup), not a path");
        a.compress.exclude_tags.push_back(std::move(tag));
    } else if (option == "--name-charset" &&
               (extract || a.command == Command::List || a.command == Command::Test || a.command == Command::Info ||
                a.command == Command::Diff || a.command == Command::Convert)) {
        a.name_charset = tokens.value_for(option, inline_value);
        if (a.name_charset.empty()) usage_error(option + " needs a character set (CP932, ISO-8859-1, ...)");
    } else if ((option == "--newer-mtime" || option == "-N") && (a.command == Command::Add || a.command == Command::Update)) {
        a.compress.modified_after = parse_modified_after(tokens.value_for(option, inline_value));
    } else if (option == "--one-file-system" && (a.command == Command::Add || a.command == Command::Update)) {
        a.compress.one_file_system = true;
    } else if (option == "--skip-unreadable" && add && a.command != Command::Delete) {
        a.compress.skip_unreadable = true;
    } else if ((option == "--allow-outside-links" || option == "--skip-outside-links") && extract) {
        const auto chosen = option == "--allow-outside-links" ? OutsideLinks::Create : OutsideLinks::Skip;
        if (a.outside_links != OutsideLinks::Refuse && a.outside_links != chosen)
            usage_error("--allow-outside-links and --skip-outside-links exclude each other");
        a.outside_links = chosen;
    } else if ((option == "--same-owner" || option == "--no-same-owner") && extract) {
        if (a.same_owner && *a.same_owner != (option == "--same-owner"))
            usage_error("--same-owner and --no-same-owner exclude each other");
        a.same_owner = option == "--same-owner";
    } else if (option == "--numeric-owner" && extract) {
        a.numeric_owner = true;
    } else if ((option == "--xattrs" || option == "--no-xattrs") && extract) {
        if (a.xattrs && *a.xattrs != (option == "--xattrs")) usage_error("--xattrs and --no-xattrs exclude each other");
        a.xattrs = option == "--xattrs";
    } else if ((option == "--acls" || option == "--no-acls") && extract) {
        if (a.acls && *a.acls != (option == "--acls")) usage_error("--acls and --no-acls exclude each other");
        a.acls = option == "--acls";
    } else {
        usage_error("unknown option '" + option + "' for this command");
    }
    if (inline_value) usage_error(option + " takes no value");
}

}  // namespace

uint64_t parse_size(std::string_view text)
{
    uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    const std::string unit = lower(std::string_view(end, text.data() + text.size() - end));
    int shift = -1;
    if (unit.empty() || unit == "b") shift = 0;
    else if (unit == "k" || unit == "kb" || unit == "kib") shift = 10;
    else if (unit == "m" || unit == "mb" || unit == "mib") shift = 20;
    else if (unit == "g" || unit == "gb" || unit == "gib") shift = 30;
    if (ec != std::errc() || end == text.data() || shift < 0 || value == 0 || value > (UINT64_MAX >> shift))
        usage_error("invalid size '" + std::string(text) + "' (a positive number with an optional K, M or G)");
    return value << shift;
}

Arguments parse_arguments(std::span<const std::string> args)
{
    Arguments a;
    if (args.empty()) usage_error("no command given");
    const auto command = command_named(args[0]);
    if (!command) usage_error("unknown command '" + args[0] + "'");
    a.command = *command;
    if (a.command == Command::Help || a.command == Command::Version) return a;

    std::vector<std::string> positional;
    Tokens tokens(args.subspan(1));
    bool options_end = false;
    while (!tokens.done()) {
        const std::string& token = tokens.next();
        if (options_end || token == "-" || token.empty() || token[0] != '-') {
            positional.push_back(token);
        } else if (token == "--") {
            options_end = true;
        } else if (token == "--help" || token == "-h") {
            a.command = Command::Help;
            return a;
        } else {
            std::string option = token;
            std::optional<std::string> inline_value;
            if (token.starts_with("--")) {
                if (const auto eq = token.find('='); eq != std::string::npos) {
                    option = token.substr(0, eq);
                    inline_value = token.substr(eq + 1);
                }
            } else if (token.size() > 2) {  // "-oDIR"
                option = token.substr(0, 2);
                inline_value = token.substr(2);
            }
            apply_option(a, option, inline_value, tokens);
        }
    }

    if (a.ask_password && !a.password_file.empty()) usage_error("-p and --password-file exclude each other");
    if (a.null_separated && a.files_from.empty()) usage_error("--null is for the names of --files-from");
    const bool listed = !a.files_from.empty();  // names come from a list too: none needed here
    if (a.compress.remove_files && a.compress.follow_symlinks)
        usage_error("--remove-files and --dereference exclude each other: it would remove what the links point to");
    if (positional.empty()) usage_error("missing archive name");
    a.archive = positional.front();
    positional.erase(positional.begin());
    switch (a.command) {
    case Command::Add:
        if (positional.empty() && !listed) usage_error("'a' needs at least one path to archive");
        a.inputs.assign(positional.begin(), positional.end());
        a.compress.overwrite = a.overwrite;
        validate(a.compress);
        break;
    case Command::Update:
        if (positional.empty() && !listed) usage_error("'u' needs at least one path to add");
        a.inputs.assign(positional.begin(), positional.end());
        validate(a.compress);
        break;
    case Command::Delete:
        if (positional.empty() && !listed) usage_error("'d' needs at least one entry to delete");
        a.entries = std::move(positional);
        validate(a.compress);
        break;
    case Command::Rename:
        if (positional.size() != 2) usage_error("'rn' needs the entry's name and its new name");
        a.entries = std::move(positional);
        break;
    case Command::Password:
        if (!positional.empty()) usage_error("unexpected argument '" + positional.front() + "'");
        if (a.remove_password && !a.new_password_file.empty())
            usage_error("--remove-password and --new-password-file exclude each other");
        break;
    case Command::Extract:
        a.entries = std::move(positional);
        if (!a.to_tar.empty() && a.output != ".") usage_error("--to-tar and -o exclude each other");
        if (a.to_stdout && (a.output != "." || !a.to_tar.empty())) usage_error("--stdout excludes -o and --to-tar");
        if (int(a.overwrite) + int(a.skip_existing) + int(a.keep_newer) + int(a.keep_both) > 1)
            usage_error("-f, --skip-existing, --keep-newer-files and --keep-both exclude each other");
        if ((a.skip_existing || a.keep_newer || a.keep_both) && (a.to_stdout || !a.to_tar.empty()))
            usage_error(std::string(a.keep_newer ? "--keep-newer-files" : a.keep_both ? "--keep-both" : "--skip-existing") +
                        " is for extracting to a folder");
        if (a.strip_components > 0 && (a.to_stdout || !a.to_tar.empty()))
            usage_error("--strip-components is for extracting to a folder");
        if ((a.same_owner || a.numeric_owner) && (a.to_stdout || !a.to_tar.empty()))
            usage_error("--same-owner, --no-same-owner and --numeric-owner are for extracting to a folder");
        if ((a.xattrs || a.acls) && (a.to_stdout || !a.to_tar.empty()))
            usage_error("--xattrs, --no-xattrs, --acls and --no-acls are for extracting to a folder");
        {
            const RestoredMetadata defaults = default_restored();
            if (a.same_owner.value_or(defaults.owners != Owners::Extractor))
                a.restored.owners = a.numeric_owner ? Owners::Numeric : Owners::Recorded;
            else
                a.restored.owners = Owners::Extractor;
            a.restored.xattrs = a.xattrs.value_or(defaults.xattrs);
            a.restored.acls = a.acls.value_or(defaults.acls);
        }
        (void)EntryPatterns(a.compress.exclude);
        break;
    case Command::Convert:
        if (positional.size() != 1) usage_error("'convert' needs an input archive and the .nnz to write");
        a.converted = positional.front();
        a.compress.overwrite = a.overwrite;
        validate(a.compress);
        break;
    case Command::Repair:
        if (positional.size() != 1) usage_error("'repair' needs the damaged archive and the .nnz to write");
        a.converted = positional.front();
        break;
    case Command::Recovery:
        if (positional.size() != 1) usage_error("'rr' needs the archive and a percent (0 removes the recovery record)");
        a.compress.recovery_percent = parse_percent("the percent", positional.front());
        break;
    case Command::List:
        a.entries = std::move(positional);
        if (a.long_listing && a.json) usage_error("--long and --json exclude each other");
        (void)EntryPatterns(a.compress.exclude);
        break;
    case Command::Test:
    case Command::Info:
        a.more_archives.assign(positional.begin(), positional.end());
        break;
    case Command::Diff:
        a.entries = std::move(positional);
        (void)EntryPatterns(a.compress.exclude);  // an empty -x pattern is refused before the archive is read
        break;
    case Command::Help:
    case Command::Version:
        break;
    }
    return a;
}

const char* usage_text()
{
    return "Usage:\n"
           "  nnzip a ARCHIVE PATH... [options]    create ARCHIVE from files and folders; - reads\n"
           "                                 standard input into one file (cmd | nnzip a x.nnz -);\n"
           "                                 ARCHIVE - writes it to standard output (once complete)\n"
           "      --stdin-name NAME         the name of that file (default: ARCHIVE without .nnz)\n"
           "      -T, --files-from FILE     also archive the paths listed in FILE, one per line\n"
           "                                (- reads them from standard input; also for 'u', and for\n"
           "                                'x' and 'd' the entry names); --null: separated by NUL\n"
           "                                bytes instead (find -print0)\n"
           "      --into FOLDER             store the paths inside FOLDER of the archive ('docs/2024':\n"
           "                                notes.txt becomes docs/2024/notes.txt; also for 'u')\n"
           "      -f, --force               replace an existing archive\n"
           "      --codec neural|store      compression engine (default neural)\n"
           "      --preset NAME             neural model: fast, default, max, or gpu (max's model with 64\n"
           "                                lanes, for a CUDA device) (default default)\n"
           "      -0 ... -9                 as zip's levels: -0 stores, -1 to -3 the fast preset, -4 to\n"
           "                                -6 default, -7 to -9 max\n"
           "      --device cpu|cuda|auto    where the neural model runs (default auto)\n"
           "      --lanes N                 parallel lanes per block (default: the preset's)\n"
           "      --threads N               CPU threads in all: blocks in parallel, then the network ahead of\n"
           "                                the coder, then model threads (default: all cores)\n"
           "      --block-size SIZE         input bytes per solid block, K/M/G suffixes (default 8M)\n"
           "      --memory SIZE             memory the blocks compressed at once may take together; fewer\n"
           "                                run in parallel where more would not fit (default: half of RAM)\n"
           "      --skip-unreadable         leave out files that cannot be read or whose names are\n"
           "                                not UTF-8, with a warning (default: stop with an error)\n"
           "      -L, --dereference         store what symlinks point to (a file's content, a folder with\n"
           "                                all it holds) under their names instead of the links\n"
           "                                (also for 'u')\n"
           "      --remove-files            once the archive is complete, remove the files and folders\n"
           "                                it holds (their contents are verified first; what changed\n"
           "                                since it was read stays, with a warning; also for 'u')\n"
           "      --no-owners               record no owners, so that the archive does not depend on\n"
           "                                who made it (default: each entry's uid, gid and names)\n"
           "      --no-xattrs               record no extended attributes (default: all that can be read)\n"
           "      --no-acls                 record no access control lists (default: every one)\n"
           "      -x, --exclude PATTERN     leave out what matches (repeatable; quote it): '*.o' or\n"
           "                                '.git' anywhere, 'src/build' from the top; a folder with\n"
           "                                everything in it\n"
           "      -X, --exclude-from FILE   leave out what the patterns in FILE match, one per line\n"
           "                                (as tar -X; repeatable; also for 'u', 'diff', 'x', 'l')\n"
           "      -i, --include PATTERN     keep only the files that match (repeatable, as zip -i):\n"
           "                                -i '*.c' -i '*.h'; with the folders that lead to them\n"
           "                                (also 'u'); -x still leaves out what it matches\n"
           "      --exclude-vcs             leave out version control's folders and files (.git, .svn,\n"
           "                                .hg, CVS, .gitignore... as tar --exclude-vcs; also 'u')\n"
           "      --exclude-caches          leave out what folders tagged with a CACHEDIR.TAG hold, but\n"
           "                                the tag (as tar --exclude-caches; also 'u')\n"
           "      --exclude-tag NAME        leave out what folders holding a file NAME hold, but that\n"
           "                                file (as tar --exclude-tag: a .nobackup; also 'u')\n"
           "      --one-file-system         store folders on other file systems (mount points) but not\n"
           "                                what they hold (as tar --one-file-system; also 'u')\n"
           "      -N, --newer-mtime DATE    leave out files not modified after DATE (2026-12-01,\n"
           "                                '2026-12-01 14:30', @SECONDS, or a file's time: a name\n"
           "                                starting with / or .); folders stay (as tar; also 'u')\n"
           "      -p, --password            encrypt the archive (contents and names) with a password,\n"
           "                                asked for twice on the terminal (or read from stdin)\n"
           "      --password-file FILE      the same, with the first line of FILE as the password\n"
           "      -v, --volume-size SIZE    split the archive into volumes ARCHIVE.001, .002, ... of\n"
           "                                SIZE each (K/M/G; at least 64K); x, l, t and repair read\n"
           "                                them as one, u, d, rn, passwd and rr change them as one\n"
           "                                (also 'convert')\n"
           "      --recovery PERCENT        add a recovery record of PERCENT (1-50) of the archive's\n"
           "                                size, with which 'repair' rebuilds damaged parts exactly\n"
           "                                (u, d: 0 removes it; without it they keep the archive's)\n"
           "      --test                    decode the archive written and verify every checksum\n"
           "                                before it replaces anything (as zip -T; also for u, d, rn,\n"
           "                                passwd, rr, convert, repair); one that fails is not kept\n"
           "  nnzip u ARCHIVE PATH... [options]\n"
           "                                 add files and folders to ARCHIVE (created when missing);\n"
           "                                 an entry of the same name (under --into) is replaced. Only\n"
           "                                 new files are compressed: existing blocks are copied\n"
           "                                 (options as for 'a', without -f)\n"
           "  nnzip d ARCHIVE ENTRY... [options]\n"
           "                                 delete entries (a folder name: everything in it;\n"
           "                                 patterns as for 'x'); blocks that lose nothing are\n"
           "                                 copied, the rest of a block that loses something is\n"
           "                                 compressed again (--preset etc.)\n"
           "  nnzip rn ARCHIVE ENTRY NEWNAME [--test]\n"
           "                                 rename an entry (a folder: with everything in it);\n"
           "                                 nothing is compressed again\n"
           "  nnzip passwd ARCHIVE [--new-password-file FILE | --remove-password] [--test]\n"
           "                                 encrypt ARCHIVE with a new password (asked for twice),\n"
           "                                 or remove its password; nothing is compressed again\n"
           "  nnzip x ARCHIVE [-o DIR | --to-tar FILE|- | --stdout] [-f | -n] [ENTRY...]\n"
           "                                 extract all entries, or the named ones (a folder\n"
           "                                 name selects everything in it; a name that matches\n"
           "                                 nothing may be a pattern: '*.txt', 'docs/*.md'),\n"
           "                                 into DIR (default .)\n"
           "      -o, --output DIR          destination folder, created when missing\n"
           "      --to-tar FILE|-           write the entries as a pax tar to FILE or to stdout\n"
           "      --stdout                  write the files' contents, one after another, to stdout\n"
           "      -f, --force               overwrite existing files\n"
           "      -n, --skip-existing       leave existing files as they are and extract the rest\n"
           "      --keep-newer-files        replace existing files, but those modified after the\n"
           "                                archive's copy (as tar --keep-newer-files)\n"
           "      --keep-both               extract what would replace an existing file under a new\n"
           "                                name beside it: a.txt as 'a (2).txt' (as 7z -aou)\n"
           "                                (without any of them, nnzip asks about each existing file on a\n"
           "                                terminal; elsewhere one stops it before it writes)\n"
           "      --strip-components N      take N leading folders off every name (proj-1.2/src/a.c with\n"
           "                                1 becomes src/a.c); what has no more is left out\n"
           "      --allow-outside-links     create symlinks that lead outside DIR (never written through)\n"
           "      --skip-outside-links      leave such symlinks out and extract everything else\n"
           "                                (without either, an archive holding one is refused)\n"
           "      --same-owner              give entries their recorded owners (the default for root;\n"
           "                                others need the right to give files away)\n"
           "      --no-same-owner           the extracting user owns everything (the default otherwise)\n"
           "      --numeric-owner           restore owners by number, not by user and group name\n"
           "      --xattrs, --no-xattrs     give extended attributes back, or not (default: for root)\n"
           "      --acls, --no-acls         give access control lists back, or not (default: for root)\n"
           "      -x, --exclude PATTERN     leave out the entries that match (after those named; as\n"
           "                                tar --exclude; also for 'l' and convert into zip/7z/tar)\n"
           "      -X, --exclude-from FILE   leave out what the patterns in FILE match, one per line\n"
           "  nnzip l ARCHIVE [--long | --json] [-x PATTERN]... [ENTRY...]\n"
           "                                 list the entries, or the named ones (as for 'x')\n"
           "      --long                    permissions (+: an access control list) and owner too\n"
           "      --json                    every field, for scripts\n"
           "  nnzip t ARCHIVE...            decode everything and verify every checksum (of each\n"
           "                                 archive named: exit status of the first that fails)\n"
           "  nnzip info ARCHIVE... [--json] what the archive is: format, sizes, entries, encryption,\n"
           "                                 recovery record, and each block's size and codec (with\n"
           "                                 the preset); nothing is decoded\n"
           "  nnzip diff ARCHIVE [-C DIR] [-x PATTERN]... [ENTRY...]\n"
           "                                 what differs between the archive and the files under DIR\n"
           "                                 (default .): content (.nnz: by checksum, nothing decoded),\n"
           "                                 type, size, mode, time, owner, attributes; exit 6 if any\n"
           "      -C, --directory DIR       the folder the archive was made in\n"
           "      -x, --exclude PATTERN     leave out what matches, in the archive and on disk\n"
           "  nnzip convert IN OUT.nnz [options]\n"
           "                                 convert a zip, tar(.gz/.bz2/.xz/.zst), 7z, cpio, iso,\n"
           "                                 rar... archive into a new .nnz (same options as 'a')\n"
           "  nnzip convert IN OUT.zip|.7z|.tar[.gz|.bz2|.xz|.zst] [-f] [-p] [-x PATTERN]... [--test]\n"
           "                                 write an .nnz (or any archive read) as a standard\n"
           "                                 archive for people without nnzip; an encrypted one\n"
           "                                 becomes a zip with the same password (AES-256)\n"
           "  nnzip repair DAMAGED.nnz OUT.nnz [-f] [--test]\n"
           "                                 write what a damaged or cut-off archive still holds\n"
           "                                 (every intact block and the files in them) to OUT.nnz;\n"
           "                                 with a recovery record, the archive as it was made\n"
           "  nnzip rr ARCHIVE PERCENT [--test]\n"
           "                                 give ARCHIVE a recovery record of PERCENT (1-50) of its\n"
           "                                 size, or remove it with 0; nothing is compressed again\n"
           "\n"
           "x, l and t also read those foreign formats directly (recognised by content). Names\n"
           "in them that are not UTF-8 are read as code page 437 in a zip (as Windows writes\n"
           "them) and refused elsewhere; --name-charset CHARSET (x, l, t, info, diff, convert)\n"
           "reads them in that set instead (CP932, CP866, ISO-8859-1: iconv's names).\n"
           "An archive named - is read from standard input (x, l, t, info, diff, convert, repair:\n"
           "curl URL | nnzip x -), into a temporary file under TMPDIR first.\n"
           "An encrypted archive needs its password for every command: -p asks for it (on a\n"
           "terminal nnzip asks by itself), --password-file FILE reads it.\n"
           "  nnzip --help | help           show this help\n"
           "  nnzip --version               show the version\n"
           "\n"
           "Exit status: 0 ok, 1 usage error, 2 corrupt or unsafe archive, 3 I/O error or\n"
           "existing target, 130 cancelled (Ctrl-C, or q at a question).\n";
}

}  // namespace nnz::cli
