#pragma once
// Where in markup a text is (wiki, XML, HTML), from the last two bytes and the state before:
// the same word or byte means different things inside a [[link]], a {{template}}, a <tag>, a
// heading or a table line (context set 5: mixer weights and a context are chosen by it).
#include <cstdint>

namespace nnz::mixing {

enum Markup : int {
    kNoMarkup = 0,
    kInternalLink = 1,  // [[ ... ]]
    kTemplate = 2,      // {{ ... }}
    kTag = 3,           // < ... >
    kExternalLink = 4,  // [ ... ]
    kHeadingLine = 5,   // a line that starts with =
    kTableLine = 6,     // a line that starts with | or !
    kEntity = 7,        // & ... ;
    kParentheses = 8,   // ( ... ) outside other markup
    kMarkupStates = 9,
};

// The state after `byte`, which followed `before`. Nesting is not tracked: the innermost opening
// wins and a line end ends everything.
constexpr int next_markup(int markup, uint8_t before, uint8_t byte)
{
    const bool line_start = before == '\n';
    switch (byte) {
    case '[': return before == '[' ? kInternalLink : markup == kNoMarkup || markup >= kHeadingLine ? kExternalLink : markup;
    case '{': return before == '{' ? kTemplate : markup;
    case '<': return kTag;
    case '&': return kEntity;
    case '\n': return kNoMarkup;
    case ']': return markup == kInternalLink || markup == kExternalLink ? kNoMarkup : markup;
    case '}': return markup == kTemplate ? kNoMarkup : markup;
    case '>': return markup == kTag ? kNoMarkup : markup;
    case ';': return markup == kEntity ? kNoMarkup : markup;
    case '(': return markup == kNoMarkup ? kParentheses : markup;
    case ')': return markup == kParentheses ? kNoMarkup : markup;
    case '=': return line_start ? kHeadingLine : markup;
    case '|':
    case '!': return line_start ? kTableLine : markup;
    default: return markup;
    }
}

}  // namespace nnz::mixing
