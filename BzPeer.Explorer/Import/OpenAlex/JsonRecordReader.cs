using System.Text.Json;

namespace BzPeer.Explorer.Import.OpenAlex;

/// <summary>One record read from a JSON input, or the reason it could not be read.</summary>
/// <param name="Line">The 1-based line the record starts on.</param>
/// <param name="Number">The 1-based position of the record in its file.</param>
internal readonly record struct JsonRecord(JsonElement Element, long Line, long Number, string? Problem)
{
    public bool IsBad => Problem is not null;
}

/// <summary>
/// Reads the records of a JSON input one at a time, whatever its shape: a single entity, an API list page
/// (<c>{"meta":…,"results":[…]}</c>), a JSON array, or JSON Lines (one value per line). Only the record being read is
/// held in memory, so an array or a JSON Lines file of any size streams through a buffer the size of its largest
/// record; a list page is read whole, as the API returns at most 200 records on one. A malformed JSON Lines record is
/// reported and reading resumes at the next line that starts a record; in an array a malformed element ends the file,
/// since nothing after it can be trusted.
/// </summary>
internal sealed class JsonRecordReader : IDisposable
{
    public const int DefaultMaxRecordBytes = 128 * 1024 * 1024;
    private const int InitialBufferBytes = 64 * 1024;
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];
    private static readonly JsonReaderOptions Options = new() { AllowMultipleValues = true };

    private enum Mode { TopLevel, InArray, InPage, Resync, Finished }
    private enum Step { Continue, Yield, NeedMoreData, End }

    private readonly Stream _stream;
    private readonly int _maxRecordBytes;
    private byte[] _buffer = new byte[InitialBufferBytes];
    private int _start;
    private int _end;
    private bool _endOfInput;
    private bool _readAnything;
    private JsonReaderState _state = new(Options);
    private Mode _mode = Mode.TopLevel;
    private long _line = 1;
    private long _records;
    private JsonDocument? _document;
    private JsonElement.ArrayEnumerator _pageResults;
    private long _pageLine;

    public JsonRecordReader(Stream stream, int maxRecordBytes = DefaultMaxRecordBytes)
    {
        _stream = stream;
        _maxRecordBytes = maxRecordBytes;
    }

    /// <summary>
    /// The next record, or false at the end of the input. The element stays valid until the next call. Errors of the
    /// underlying stream (a truncated gzip file, an I/O error) are thrown, not reported as a record.
    /// </summary>
    public bool TryRead(out JsonRecord record)
    {
        while (true)
        {
            var step = _mode switch
            {
                Mode.InPage => NextPageResult(out record),
                Mode.Resync => SkipToNextRecordLine(out record),
                Mode.Finished => End(out record),
                _ => ReadValue(out record),
            };
            switch (step)
            {
                case Step.Yield:
                    return true;
                case Step.End:
                    return false;
                case Step.NeedMoreData:
                    Fill();
                    break;
            }
        }
    }

    public void Dispose() => _document?.Dispose();

    /// <summary>The line the unread input starts on; after a stream error, about where reading stopped.</summary>
    public long Line => _line;

    private Step End(out JsonRecord record)
    {
        record = default;
        return Step.End;
    }

    private Step ReadValue(out JsonRecord record)
    {
        record = default;
        _document?.Dispose();
        _document = null;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _endOfInput, _state);
        long recordLine = _line;
        try
        {
            if (!reader.Read()) return _endOfInput ? Step.End : Step.NeedMoreData;
            recordLine = LineAt(reader.TokenStartIndex);

            if (_mode == Mode.TopLevel && reader.TokenType == JsonTokenType.StartArray)
            {
                Commit(ref reader);
                _mode = Mode.InArray;
                return Step.Continue;
            }
            if (_mode == Mode.InArray && reader.TokenType == JsonTokenType.EndArray)
            {
                Commit(ref reader);
                _mode = Mode.TopLevel;
                return Step.Continue;
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                if (!reader.TrySkip()) return Step.NeedMoreData;
                Commit(ref reader);
                _records++;
                return Bad(out record, recordLine, $"expected a JSON object, found {Describe(reader.TokenType)}", _mode);
            }

            if (!JsonDocument.TryParseValue(ref reader, out var document)) return Step.NeedMoreData;
            Commit(ref reader);
            _records++;
            if (_mode == Mode.TopLevel && IsListPage(document.RootElement, out var results))
            {
                _document = document;
                _pageResults = results;
                _pageLine = recordLine;
                _mode = Mode.InPage;
                return Step.Continue;
            }
            _document = document;
            record = new JsonRecord(document.RootElement, recordLine, _records, null);
            return Step.Yield;
        }
        catch (JsonException e)
        {
            var reason = $"malformed JSON ({WithoutPosition(e.Message)})";
            _records++;
            if (_mode == Mode.InArray)
                return Bad(out record, recordLine, reason + "; the rest of this file is not read", Mode.Finished);
            // Resume after the bad record's first line, wherever the reader noticed the problem.
            var start = _buffer.AsSpan(_start, _end - _start).IndexOfAnyExcept(" \t\r\n"u8);
            Advance(start >= 0 ? start : _end - _start);
            recordLine = _line;
            return Bad(out record, recordLine, reason, Mode.Resync);
        }
    }

    private Step NextPageResult(out JsonRecord record)
    {
        record = default;
        while (_pageResults.MoveNext())
        {
            var element = _pageResults.Current;
            _records++;
            if (element.ValueKind != JsonValueKind.Object)
                return Bad(out record, _pageLine, $"a result of the list page is {Describe(element.ValueKind)}, not an object", Mode.InPage);
            record = new JsonRecord(element, _pageLine, _records, null);
            return Step.Yield;
        }
        _mode = Mode.TopLevel;
        return Step.Continue;
    }

    /// <summary>After a malformed record: drop input up to the next line that starts with '{' or '['.</summary>
    private Step SkipToNextRecordLine(out JsonRecord record)
    {
        record = default;
        var span = _buffer.AsSpan(_start, _end - _start);
        var searchFrom = 0;
        while (true)
        {
            var newline = span[searchFrom..].IndexOf((byte)'\n');
            if (newline < 0) break;
            var lineStart = searchFrom + newline + 1;
            if (lineStart < span.Length && span[lineStart] is (byte)'{' or (byte)'[')
            {
                Advance(lineStart);
                _state = new JsonReaderState(Options);
                _mode = Mode.TopLevel;
                return Step.Continue;
            }
            searchFrom = lineStart;
        }
        if (_endOfInput)
        {
            Advance(span.Length);
            _mode = Mode.Finished;
            return Step.Continue;
        }
        // Keep a newline that ends the data, so a record starting right after it is still recognised.
        Advance(span.Length > 0 && span[^1] == (byte)'\n' ? span.Length - 1 : span.Length);
        return Step.NeedMoreData;
    }

    private Step Bad(out JsonRecord record, long line, string problem, Mode next)
    {
        _mode = next;
        record = new JsonRecord(default, line, _records, problem);
        return Step.Yield;
    }

    private static bool IsListPage(JsonElement root, out JsonElement.ArrayEnumerator results)
    {
        if (root.TryGetProperty("results"u8, out var list) && list.ValueKind == JsonValueKind.Array
            && !root.TryGetProperty("id"u8, out _))
        {
            results = list.EnumerateArray();
            return true;
        }
        results = default;
        return false;
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        Advance((int)reader.BytesConsumed);
        _state = reader.CurrentState;
    }

    private void Advance(int bytes)
    {
        _line += _buffer.AsSpan(_start, bytes).Count((byte)'\n');
        _start += bytes;
    }

    private long LineAt(long offset) => _line + _buffer.AsSpan(_start, (int)offset).Count((byte)'\n');

    private void Fill()
    {
        if (_endOfInput) throw new InvalidOperationException("Asked for more input after its end.");
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxRecordBytes)
                throw new InvalidDataException($"a record is larger than {_maxRecordBytes / (1024 * 1024)} MB");
            Array.Resize(ref _buffer, Math.Min(_maxRecordBytes, _buffer.Length * 2));
        }
        var wanted = _buffer.Length - _end;
        var read = _stream.ReadAtLeast(_buffer.AsSpan(_end), wanted, throwOnEndOfStream: false);
        _endOfInput = read < wanted;
        if (!_readAnything && _buffer.AsSpan(0, read).StartsWith(Utf8ByteOrderMark))
        {
            _buffer.AsSpan(Utf8ByteOrderMark.Length, read - Utf8ByteOrderMark.Length).CopyTo(_buffer);
            read -= Utf8ByteOrderMark.Length;
        }
        _end += read;
        _readAnything = true;
    }

    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static string Describe(JsonTokenType token) => Describe(token switch
    {
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True or JsonTokenType.False => JsonValueKind.True,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    });

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "something else",
    };
}
