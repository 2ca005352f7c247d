using System.Text;
using BzPeer.Explorer.Import.OpenAlex;

namespace BzPeer.Explorer.Tests.Import;

public class JsonRecordReaderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_shape_yields_its_records_with_their_lines(bool oneByteAtATime)
    {
        const string input = """
            {"id": "W1",
             "title": "pretty printed"}
            [{"id": "W2"}, {"id": "W3"}]
            {"meta": {"count": 2}, "results": [{"id": "W4"},
              {"id": "W5"}]}
            {"id": "W6"}
            """;

        var records = Read(input, oneByteAtATime);

        Assert.Equal(["W1@1", "W2@3", "W3@3", "W4@4", "W5@4", "W6@6"], records.Select(r => $"{r.Id}@{r.Line}"));
        Assert.All(records, r => Assert.Null(r.Problem));
    }

    [Fact]
    public void A_malformed_line_is_reported_and_reading_resumes_at_the_next_record()
    {
        var records = Read("{\"id\": \"W1\"}\n{\"id\": \"W2\", oops}\n{\"id\": \"W3\"}\n  {\"id\": \"W4\"  \n{\"id\": \"W5\"}\n", oneByteAtATime: true);

        Assert.Equal(["W1@1", "bad@2", "W3@3", "bad@4", "W5@5"], records.Select(r => $"{r.Id ?? "bad"}@{r.Line}"));
        Assert.StartsWith("malformed JSON (", records[1].Problem);
    }

    [Fact]
    public void A_malformed_element_ends_an_array()
    {
        var records = Read("[{\"id\": \"W1\"},\n {\"id\": oops},\n {\"id\": \"W3\"}]");

        Assert.Equal(["W1@1", "bad@2"], records.Select(r => $"{r.Id ?? "bad"}@{r.Line}"));
        Assert.EndsWith("the rest of this file is not read", records[1].Problem);
    }

    [Fact]
    public void An_input_that_ends_inside_a_record_or_an_array_says_so()
    {
        Assert.Equal("malformed JSON (Expected end of string, but instead reached end of data)",
            Read("{\"id\": \"W1\"}\n{\"id\": \"W2\", \"title\": \"cut").Last().Problem);
        Assert.Equal("malformed JSON (Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed); the rest of this file is not read",
            Read("[{\"id\": \"W1\"}").Last().Problem);
    }

    [Fact]
    public void Values_that_are_not_objects_are_reported()
    {
        var records = Read("42\n[\"W1\", {\"id\": \"W2\"}]\n");

        Assert.Equal(["expected a JSON object, found a number", "expected a JSON object, found a string", null], records.Select(r => r.Problem));
    }

    [Fact]
    public void A_byte_order_mark_and_records_larger_than_the_buffer_are_read()
    {
        var longTitle = new string('x', 300_000);
        var records = Read($"\uFEFF{{\"id\": \"W1\", \"title\": \"{longTitle}\"}}\n{{\"id\": \"W2\"}}");

        Assert.Equal(["W1", "W2"], records.Select(r => r.Id));
        Assert.Equal(longTitle, records[0].Title);
    }

    [Fact]
    public void A_record_beyond_the_size_limit_is_an_error_of_the_file()
    {
        using var reader = new JsonRecordReader(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"title\": \"{new string('x', 300_000)}\"}}")), maxRecordBytes: 128 * 1024);

        var error = Assert.Throws<InvalidDataException>(() => reader.TryRead(out _));
        Assert.Contains("larger than", error.Message);
    }

    private sealed record Read_(string? Id, long Line, string? Problem, string? Title);

    private static List<Read_> Read(string input, bool oneByteAtATime = false)
    {
        Stream stream = new MemoryStream(Encoding.UTF8.GetBytes(input));
        if (oneByteAtATime) stream = new TrickleStream(stream);
        using var reader = new JsonRecordReader(stream);
        var records = new List<Read_>();
        while (reader.TryRead(out var record))
        {
            records.Add(record.IsBad
                ? new Read_(null, record.Line, record.Problem, null)
                : new Read_(record.Element.GetProperty("id").GetString(), record.Line, null,
                    record.Element.TryGetProperty("title", out var title) ? title.GetString() : null));
        }
        return records;
    }

    /// <summary>Hands out one byte per read, as a slow pipe might, so every boundary case of the buffer is met.</summary>
    private sealed class TrickleStream(Stream inner) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1));
        public override int Read(Span<byte> buffer) => inner.Read(buffer[..Math.Min(buffer.Length, 1)]);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
