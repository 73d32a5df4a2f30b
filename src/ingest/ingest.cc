// The ingest pipeline: one reading thread cuts each file into blocks of
// lines; worker threads parse blocks in parallel; results are handed on in
// input order. Files whose lines depend on earlier lines are parsed by the
// reading thread itself, in order.
#include "ingest/ingest.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "ingest/formats/registry.h"
#include "ingest/parser.h"
#include "ingest/read/block_reader.h"
#include "ingest/read/stream.h"

namespace shodo::ingest {
namespace {

constexpr size_t kSampleLines = 64;
constexpr size_t kExcerptBytes = 160;

struct FileJob {
  uint32_t index = 0;
  std::string path;
  FileContext ctx;
  std::unique_ptr<LineParser> prototype;
  LogKind kind = LogKind::unknown;
  // What the reading thread learned; copied into the report in order.
  FileReport facts;
};

struct Work {
  const FileJob* job = nullptr;
  uint64_t seq = 0;
  uint64_t first_line = 0, first_offset = 0;
  Buffer data;
  bool end_of_file = false;
  std::vector<BadLine> skipped;  // lines the reader could not hold
  Batch batch;
  Arena arena;
  uint64_t lines = 0, meta = 0, filtered = 0, passed_over = 0;
  std::vector<uint32_t> marks;  // IngestOptions::selector's picks in data
  TimeUs first_time = kNoTime, last_time = kNoTime;
  bool offset_assumed = false;
};

void note_bad(Work& w, uint64_t line, uint64_t offset, std::string_view text,
              std::string_view reason) {
  BadLine b;
  b.line = line;
  b.offset = offset;
  b.reason.assign(reason.empty() ? std::string_view("malformed line") : reason);
  b.excerpt.assign(text.substr(0, kExcerptBytes));
  w.batch.bad.push_back(std::move(b));
}

// Widens [first, last] to take in t (kNoTime means "none yet" / "no time").
void widen(TimeUs& first, TimeUs& last, TimeUs t) {
  if (t == kNoTime) return;
  if (first == kNoTime || t < first) first = t;
  if (last == kNoTime || t > last) last = t;
}

// Keeps bad-line examples up to the per-file limit.
void keep_examples(std::vector<BadLine>& kept, const std::vector<BadLine>& more, size_t limit) {
  for (const BadLine& b : more) {
    if (kept.size() >= limit) break;
    kept.push_back(b);
  }
}

// Events handed to EventConsumer::process_parsed() at once: few enough for
// them and their lines to be still in a core's cache when the consumer
// reads them.
constexpr size_t kParsedPart = 256;

// Parses every line of a block into its batch, handing the consumer each
// part as it is parsed.
void parse_work(Work& w, LineParser& parser, ParseContext& ctx, const IngestOptions& opt,
                EventConsumer& consumer, unsigned worker) {
  const FileJob& job = *w.job;
  Batch& b = w.batch;
  b.file_index = job.index;
  b.seq = w.seq;
  // The batch's events from its last use are reused (Event::reuse): a new
  // event writes all of its 9 cache lines, and the blocks in flight hold
  // more events than the caches do. Events [0, live) are this batch's.
  size_t live = 0;
  b.bad = std::move(w.skipped);
  w.skipped.clear();
  w.arena.reset();
  ctx.arena = &w.arena;
  w.lines = b.bad.size();
  w.meta = w.filtered = w.passed_over = 0;
  w.first_time = w.last_time = kNoTime;
  w.offset_assumed = false;

  const char* const begin = w.data.data();
  const char* const end = begin + w.data.size();
  b.text = w.data.view();
  uint64_t line_no = w.first_line;
  uint64_t offset = w.first_offset;
  // Parses the line starting at `p`; returns where the next one starts.
  auto take_line = [&](const char* p) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    const char* line_end = nl ? nl : end;
    std::string_view line(p, static_cast<size_t>(line_end - p));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++w.lines;
    if (line.empty()) {
      ++w.meta;
    } else if (line.size() > opt.max_line_bytes) {
      note_bad(w, line_no, offset, line, "line longer than the limit (--max-line)");
    } else {
      if (live < b.events.size())
        b.events[live].reuse();
      else
        b.events.emplace_back();
      Event& ev = b.events[live++];
      ev.file_index = job.index;
      ev.line = line_no;
      ev.offset = offset;
      ev.raw = line;
      ev.kind = job.kind;
      ctx.error = {};
      ctx.rest_untouched = false;
      const LineResult result = parser.parse(line, ev, ctx);
      ev.rest_default = ctx.rest_untouched;
      switch (result) {
        case LineResult::event:
          if (ev.has_time()) {
            if ((opt.since != kNoTime && ev.time < opt.since) ||
                (opt.until != kNoTime && ev.time >= opt.until)) {
              ++w.filtered;
              --live;
              break;
            }
            widen(w.first_time, w.last_time, ev.time);
            w.offset_assumed |= ev.offset_assumed;
          }
          break;
        case LineResult::meta:
          ++w.meta;
          --live;
          break;
        case LineResult::bad:
          --live;
          note_bad(w, line_no, offset, line, ctx.error);
          break;
      }
    }
    offset += static_cast<size_t>(line_end - p) + 1;
    ++line_no;
    return nl ? nl + 1 : end;
  };

  const bool selective = opt.selector && opt.selector->select(job.index, job.kind, w.first_line,
                                                              {begin, w.data.size()}, w.marks);
  if (!selective) {
    b.events.reserve(w.data.size() / 160 + 16);
    size_t handed = 0;
    for (const char* p = begin; p < end;) {
      p = take_line(p);
      if (live - handed >= kParsedPart) {
        consumer.process_parsed(b, handed, live, worker);
        handed = live;
      }
    }
    b.events.resize(live);
    return;
  }
  // Jumps from picked line to picked line; the lines between are counted
  // (a vectorized newline count), never cut one by one.
  b.events.reserve(w.marks.size());
  const char* p = begin;
  auto pass_over = [&](const char* to) {
    const uint64_t n = count_newlines({p, static_cast<size_t>(to - p)});
    w.lines += n;
    w.passed_over += n;
    line_no += n;
    offset += static_cast<uint64_t>(to - p);
    p = to;
  };
  for (const uint32_t mark : w.marks) {
    const char* at = begin + mark;
    if (at < p || at >= end) continue;  // in a line already taken
    const void* before = memrchr(p, '\n', static_cast<size_t>(at - p));
    pass_over(before ? static_cast<const char*>(before) + 1 : p);
    p = take_line(p);
  }
  if (p < end) {
    const bool unterminated = end[-1] != '\n';
    pass_over(end);
    if (unterminated) {  // the file's last line, without a newline
      ++w.lines;
      ++w.passed_over;
    }
  }
  b.events.resize(live);
}

class Pipeline {
 public:
  Pipeline(const IngestOptions& opt, EventConsumer& consumer, IngestResult& result)
      : opt_(opt), consumer_(consumer), result_(result) {
    const size_t pool = std::max<size_t>(4, opt.threads * 3 + 2);
    for (size_t i = 0; i < pool; ++i) {
      all_.push_back(std::make_unique<Work>());
      free_.push_back(all_.back().get());
    }
    for (unsigned i = 0; i < opt.threads; ++i) workers_.emplace_back([this, i] { worker(i); });
  }

  ~Pipeline() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : workers_) t.join();
  }

  Work* acquire() {
    std::unique_lock lock(mu_);
    free_cv_.wait(lock, [this] { return !free_.empty(); });
    Work* w = free_.back();
    free_.pop_back();
    w->seq = next_seq_++;
    w->end_of_file = false;
    w->data.clear();
    w->skipped.clear();
    return w;
  }

  void submit(Work* w) {
    {
      std::lock_guard lock(mu_);
      queue_.push_back(w);
    }
    work_cv_.notify_one();
  }

  // Parses on the calling (reading) thread, for order-dependent formats.
  void run_inline(Work* w, LineParser& parser, ParseContext& ctx) {
    parse_work(*w, parser, ctx, opt_, consumer_, opt_.threads);
    consumer_.process(w->batch, opt_.threads);
    commit(w);
  }

  // Sends a work item on as the end-of-file marker of its job.
  void end_file(Work* w) {
    w->end_of_file = true;
    w->data.clear();
    commit(w);
  }

  void wait_idle() {
    std::unique_lock lock(mu_);
    free_cv_.wait(lock, [this] { return free_.size() == all_.size(); });
  }

 private:
  void worker(unsigned id) {
    const FileJob* job = nullptr;
    std::unique_ptr<LineParser> parser;
    ParseContext ctx;
    for (;;) {
      Work* w;
      {
        std::unique_lock lock(mu_);
        work_cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        w = queue_.front();
        queue_.pop_front();
      }
      if (w->job != job) {
        job = w->job;
        parser = job->prototype->clone();
        ctx.file = &job->ctx;
        ctx.zone.set_zone(job->ctx.zone);
      }
      parse_work(*w, *parser, ctx, opt_, consumer_, id);
      consumer_.process(w->batch, id);
      commit(w);
    }
  }

  // Work is applied in input order by one thread at a time, which takes the
  // role while it finds the next item done. The others hand their item over
  // and go back to parsing: waiting for the lock through someone else's
  // ordered stage would idle a core.
  void commit(Work* w) {
    {
      std::lock_guard lock(commit_mu_);
      done_[w->seq] = w;
      if (committing_) return;
      committing_ = true;
    }
    for (;;) {
      Work* ready = nullptr;
      {
        std::lock_guard lock(commit_mu_);
        if (done_.empty() || done_.begin()->first != next_commit_) {
          committing_ = false;
          return;
        }
        ready = done_.begin()->second;
        done_.erase(done_.begin());
      }
      apply(*ready);
      ++next_commit_;  // only the thread in the role reads or writes it
      {
        std::lock_guard lock(mu_);
        free_.push_back(ready);
      }
      free_cv_.notify_all();
    }
  }

  // In input order: statistics, the consumer's ordered stage, file ends.
  void apply(Work& w) {
    FileReport& r = result_.files[w.job->index];
    if (w.end_of_file) {
      const FileReport& f = w.job->facts;
      r.format = f.format;
      r.kind = f.kind;
      r.compression = f.compression;
      r.bytes = f.bytes;
      r.error = f.error;
      r.read_completely = f.read_completely;
      r.input_error = f.input_error;
      keep_examples(r.bad_examples, f.bad_examples, opt_.bad_examples);
      consumer_.file_done(w.job->index, r);
      return;
    }
    r.lines += w.lines;
    r.events += w.batch.events.size();
    r.meta_lines += w.meta;
    r.filtered += w.filtered;
    r.passed_over += w.passed_over;
    r.bad_lines += w.batch.bad.size();
    keep_examples(r.bad_examples, w.batch.bad, opt_.bad_examples);
    widen(r.first_time, r.last_time, w.first_time);
    widen(r.first_time, r.last_time, w.last_time);
    r.offset_assumed |= w.offset_assumed;
    consumer_.ordered(w.batch);
  }

  const IngestOptions& opt_;
  EventConsumer& consumer_;
  IngestResult& result_;

  std::mutex mu_;
  std::condition_variable work_cv_, free_cv_;
  std::deque<Work*> queue_;
  std::vector<std::unique_ptr<Work>> all_;
  std::vector<Work*> free_;
  uint64_t next_seq_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;

  std::mutex commit_mu_;
  std::map<uint64_t, Work*> done_;
  bool committing_ = false;   // a thread is applying done work
  uint64_t next_commit_ = 0;  // the sequence number to apply next
};

// The first lines of a block, for format detection.
std::vector<std::string_view> sample_lines(std::string_view data) {
  std::vector<std::string_view> out;
  while (!data.empty() && out.size() < kSampleLines) {
    size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) out.push_back(line);
    if (nl == std::string_view::npos) break;
    data.remove_prefix(nl + 1);
  }
  return out;
}

bool looks_binary(std::string_view data) {
  const std::string_view head = data.substr(0, 4096);
  size_t odd = 0;
  for (unsigned char c : head)
    if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) ++odd;
  return odd * 10 > head.size();
}

class Reader {
 public:
  Reader(const InputSet& inputs, const IngestOptions& opt, Pipeline& pipe,
         std::vector<std::unique_ptr<FileJob>>& jobs)
      : inputs_(inputs), opt_(opt), pipe_(pipe), jobs_(jobs) {
    for (const auto& f : inputs.files) total_ += f.size;
  }

  void run(const ParserChoice* forced) {
    for (uint32_t i = 0; i < inputs_.files.size(); ++i) {
      auto job = std::make_unique<FileJob>();
      job->index = i;
      job->path = inputs_.files[i].path;
      job->ctx.path = job->path;
      job->ctx.mtime_s = inputs_.files[i].mtime_s;
      job->ctx.zone = opt_.zone.get();
      jobs_.push_back(std::move(job));
      read_file(*jobs_.back(), forced);
      done_bytes_ += inputs_.files[i].size;
      if (opt_.progress) opt_.progress(done_bytes_, total_);
    }
  }

 private:
  void read_file(FileJob& job, const ParserChoice* forced) {
    FileReport& facts = job.facts;
    Work* w = pipe_.acquire();
    w->job = &job;
    std::string err;
    const InputFile& input = inputs_.files[job.index];
    auto stream = input.open ? ByteStream::open(input.open(err), err, opt_.expansion)
                             : ByteStream::open(job.path, err, opt_.expansion);
    if (!stream) {
      facts.error = "cannot read: " + err;
      facts.read_completely = false;
      facts.input_error = true;
      pipe_.end_file(w);
      return;
    }
    facts.compression = std::string(stream->compression());
    BlockReader blocks(*stream, opt_.block_bytes, opt_.max_line_bytes);
    if (!blocks.next(w->data, w->first_line, w->first_offset, w->skipped)) {
      // Wiped logs matter: an empty file is named, not passed over.
      if (stream->error().empty()) facts.error = "empty file";
      end_file(w, job, *stream, blocks);
      return;
    }
    if (!choose_parser(job, w->data.view(), w->first_line, forced)) {
      end_file(w, job, *stream, blocks);
      return;
    }

    const bool sequential = job.prototype->sequential();
    ParseContext ctx;
    ctx.file = &job.ctx;
    ctx.zone.set_zone(job.ctx.zone);
    uint64_t reported = 0;
    const uint64_t size = inputs_.files[job.index].size;
    do {
      if (sequential) {
        pipe_.run_inline(w, *job.prototype, ctx);
      } else {
        pipe_.submit(w);
      }
      if (opt_.progress && stream->raw_consumed() - reported >= (1u << 20)) {
        reported = stream->raw_consumed();
        opt_.progress(done_bytes_ + std::min(reported, size), total_);
      }
      w = pipe_.acquire();
      w->job = &job;
    } while (blocks.next(w->data, w->first_line, w->first_offset, w->skipped));
    end_file(w, job, *stream, blocks);
  }

  // The parser given with --log-format, or the one that reads the first
  // lines best. False (and the reason in the report) when there is none.
  bool choose_parser(FileJob& job, std::string_view first_block, uint64_t first_line,
                     const ParserChoice* forced) {
    FileReport& facts = job.facts;
    if (forced) {
      job.prototype = forced->parser->clone();
      facts.format = forced->name;
      job.kind = forced->kind;
    } else {
      const auto sample = sample_lines(first_block);
      Detection d = detect_format(sample, job.ctx);
      if (!d.choice.parser) {
        facts.error = looks_binary(first_block)
                          ? "binary data, not a text log: skipped"
                          : "format not recognized in the first " + std::to_string(d.lines_tried) +
                                " lines: skipped (name it with --log-format)";
        facts.read_completely = false;
        for (size_t k = 0; k < sample.size() && k < 2; ++k) {
          BadLine b;
          b.line = first_line + k;
          b.reason = "unrecognized";
          b.excerpt.assign(sample[k].substr(0, kExcerptBytes));
          facts.bad_examples.push_back(std::move(b));
        }
        return false;
      }
      facts.format = d.choice.name;
      job.kind = d.choice.kind;
      job.prototype = std::move(d.choice.parser);
    }
    facts.kind = job.kind;
    return true;
  }

  // Records how reading ended and sends the file's end marker.
  void end_file(Work* w, FileJob& job, const ByteStream& stream, const BlockReader& blocks) {
    FileReport& facts = job.facts;
    facts.bytes = blocks.bytes();
    if (!stream.error().empty()) {
      const std::string where = " (after " + std::to_string(blocks.bytes()) + " bytes, line " +
                                std::to_string(blocks.lines()) + "; the lines before were read)";
      // Keep why the format was not recognized, if that came first.
      facts.error = facts.error.empty() ? stream.error() + where
                                        : facts.error + "; " + stream.error() + where;
      facts.read_completely = false;
      facts.input_error = true;
    }
    pipe_.end_file(w);
  }

  const InputSet& inputs_;
  const IngestOptions& opt_;
  Pipeline& pipe_;
  std::vector<std::unique_ptr<FileJob>>& jobs_;
  uint64_t total_ = 0, done_bytes_ = 0;
};

}  // namespace

IngestResult ingest(const InputSet& inputs, const IngestOptions& given, EventConsumer& consumer) {
  IngestOptions opt = given;
  opt.threads = std::max(1u, opt.threads);
  if (!opt.zone) opt.zone = Zone::system();
  IngestResult result;
  result.zone_name = opt.zone->name();
  result.files.resize(inputs.files.size());
  for (size_t i = 0; i < inputs.files.size(); ++i) {
    result.files[i].path = inputs.files[i].path;
    result.files[i].size_on_disk = inputs.files[i].size;
  }

  ParserChoice forced;
  if (!opt.log_format.empty()) {
    forced = parser_for_spec(opt.log_format, result.error);
    if (!forced.parser) return result;
  }

  // Jobs outlive the pipeline: should reading fail with an exception, the
  // workers still finish the blocks already queued before they are joined.
  std::vector<std::unique_ptr<FileJob>> jobs;
  Pipeline pipe(opt, consumer, result);
  Reader reader(inputs, opt, pipe, jobs);
  reader.run(forced.parser ? &forced : nullptr);
  pipe.wait_idle();
  return result;
}

}  // namespace shodo::ingest
