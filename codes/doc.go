// Package codes reads bounced email and explains it.
//
// A bounce (non-delivery report) carries up to three clues: an SMTP reply
// code such as 550 (RFC 5321 section 4.2), an enhanced status code such as
// 5.7.26 (class.subject.detail, RFC 3463, registry rules in RFC 5248), and the
// receiving server's diagnostic text. [Decode] finds them in what a user
// pastes: a delivery status notification (RFC 3464, and RFC 6533 for
// internationalized mail), a bounce written only as text, a single SMTP reply
// line, mail-server log lines (Postfix, Exim, Sendmail, OpenSMTPD, qmail's
// qmail-send), a mail queue listing (Postfix or Sendmail
// mailq), rows of a CSV export under their header row (a message trace, a
// PowerMTA accounting file, a bounce list), or the JSON events of a sending service's
// webhook (Amazon SES, SendGrid, Mailgun, Postmark, SparkPost, Resend and
// others, read by their field names); it also recognises feedback reports
// (RFC 5965) and automatic replies (RFC 3834), which are not failures. MIME
// structure, transfer encodings and encoded header words are decoded
// following RFC 2045, RFC 2046 and RFC 2047. The result is a [Report]: the
// text, with byte spans marking each code and the diagnostic, and for each
// recipient what happened and what to do. A diagnostic keeps the server's
// words as they came; [ReadableDiagnostic] joins a multi-line reply into
// one line without the codes each line repeats, for showing it.
//
// # Codes
//
// [ReplyCode] and [EnhancedCode] are small comparable values with Class,
// Subject, Temporary and Permanent methods. The first digit decides: 2 success,
// 3 intermediate, 4 transient (retry later with backoff), 5 permanent (fix the
// cause before sending again). [ClassMeaning], [SubjectMeaning] and
// [ReplySubjectMeaning] explain the digits.
//
// # Knowledge base
//
// [Explain] turns a [Query] (provider, codes, text) into an [Explanation]:
// a title, what happened in plain words, who has to act ([Actor]), whether to
// retry ([Retry]), the bounce [Reason], whether the address should be removed
// (hard bounce), numbered fix steps and help links. It uses the most specific
// knowledge it has, in this order:
//
//   - a provider entry: the documented meaning of a code or token at Gmail,
//     Microsoft 365 and Outlook.com, Yahoo and AOL, Apple iCloud, Comcast, Cox,
//     Spectrum, AT&T, Orange, Free, GoDaddy, GMX/WEB.DE, Mail.ru, Yandex and QQ, the
//     filters Mimecast, Proofpoint, Barracuda, Cisco, Trend Micro, Broadcom
//     MessageLabs and Cloudflare, and the bounce types of Amazon SES and
//     SendGrid; where a provider uses a code against its registry meaning
//     (Microsoft 5.1.10, Gmail 5.7.29), its meaning wins and the explanation
//     says so;
//   - the IANA registry entry of the enhanced status code (all 81 codes);
//   - for a detail missing from the registry (5.7.999), its subject and class;
//   - the reply code's entry, and last the meaning of its digits.
//
// A generic code entry gives way to what the text says more precisely: a
// named DNS blocklist, greylisting, or the reason the classifier read from
// the text (Query.Reason), so a bare 5.0.0 with "User unknown" is explained
// as an unknown recipient.
//
// When the text names a DNS blocklist (Spamhaus, Barracuda, SpamCop,
// UCEPROTECT, SORBS, Invaluement, Mailspike, PSBL, Cloudmark), the
// explanation says what the listing means and where to look it up.
// [DetectProvider] recognises the provider from host names, reply markers
// (Google's "gsmtp", Yahoo's "[TSS04]") and link hosts. [Entries],
// [LookupEntry] and [Providers] list the reviewed knowledge with its
// sources, for reference pages (codes, provider entries, blocklists and the
// bounce reasons); [ReasonForStatus] gives the usual reason of an enhanced
// code. The knowledge base is built once when the package is initialised and
// never changes, so these functions are safe for concurrent use.
//
// # Many bounces
//
// [NewBatch] reads many bounces at once: an mbox file (RFC 4155),
// mail-server logs (Postfix, Exim, Sendmail, qmail), CSV exports (a Microsoft 365
// message trace, a PowerMTA accounting file, a bounce list) or webhook
// events, and decodes them one by one; [RowsOf] flattens each result into one
// row per failed recipient, which [WriteCSV] and [WriteJSON] export and
// [Summary] counts by verdict, reason, provider and domain.
//
// The package is pure Go (no syscall/js, no file or network access) and is shared by the Bounce
// Decoder web app, its command line and its JavaScript API.
package codes
