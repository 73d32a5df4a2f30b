// Internal to the syslog family of formats (syslog files, RFC 5424, Exim's
// main log) and the program-specific messages they carry.
#pragma once

#include <string_view>

#include "ingest/parser.h"
#include "ingest/time/civil.h"

namespace shodo::ingest::syslog {

// "<PRI>" at the start of s: the bytes it takes (0 when there is none) and
// its value, 0-191.
size_t read_pri(std::string_view s, int& pri);
// The PRI's facility and severity as extras, and log.level from the severity.
void add_pri(int pri, Event& ev);
// Splits "tag[pid]: msg" or "tag: msg" into process, pid and the returned
// message; text without a tag is all message.
std::string_view split_tag(std::string_view s, Event& ev);

// Completes a time that has no year (RFC 3164) with the year that puts it no
// more than a day after the file's mtime, and sets ev.time. False when the
// date does not exist in any candidate year (29 Feb).
bool place_in_year(CivilTime t, const FileContext* file, ZoneCache& zone, Event& ev);

// One line of a syslog file: RFC 3164 as written by rsyslog and syslog-ng
// (optionally with a leading <PRI>) or rsyslog's RFC 3339 high-precision form.
LineResult parse_bsd(std::string_view line, Event& ev, ParseContext& ctx);
// One RFC 5424 line.
LineResult parse_5424(std::string_view line, Event& ev, ParseContext& ctx);
// True when the line starts like RFC 5424 ("<PRI>1 ").
bool looks_5424(std::string_view line);

// Reads program-specific meaning out of ev.message (sign-ins, sudo, accounts,
// mail, cron) and refines ev.kind. Messages it does not know stay plain.
void classify(Event& ev);
bool classify_auth(std::string_view program, std::string_view msg, Event& ev);
bool classify_mail(std::string_view program, std::string_view msg, Event& ev);

// An Exim message sent to syslog (its own time stamp in front is skipped).
// True when it held mail facts (a message id or a known event).
bool exim_syslog_message(std::string_view msg, Event& ev);
// One line of Exim's own main log.
LineResult parse_exim(std::string_view line, Event& ev, ParseContext& ctx);

}  // namespace shodo::ingest::syslog
