using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace BzPeer.Explorer.Tests.Import;

/// <summary>
/// A large OpenAlex input made from the shared sample works: copy c of the 100 works has every work and author id
/// renumbered to W{c}{id, 10 digits} and A{c}{id, 10 digits}, wherever the id appears (the work's own id, its authors,
/// its references, related works), so each copy is a new set of works and authors that cite each other as the sample
/// does (47 citations resolved per copy; the other references stay pending). Everything else is the real record.
/// Written as JSON Lines, gzipped when the name ends in ".gz". The ids are made up: for test and benchmark databases only.
/// </summary>
public static partial class RenumberedSample
{
    public const int WorksPerCopy = 100;

    public static void Write(string path, int copies)
    {
        var records = SharedOpenAlex.SampleWorkRecords().Select(r => Split(r.ToJsonString())).ToList();
        using var file = File.Create(path);
        using var compressed = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionLevel.Fastest) : null;
        using var writer = new StreamWriter(compressed ?? (Stream)file, new UTF8Encoding(false), 1 << 16);
        for (var copy = 1; copy <= copies; copy++)
        {
            foreach (var (texts, ids) in records)
            {
                for (var i = 0; i < ids.Count; i++)
                {
                    writer.Write(texts[i]);
                    writer.Write(ids[i].Letter);
                    writer.Write(copy);
                    writer.Write(ids[i].Number);
                }
                writer.Write(texts[^1]);
                writer.Write('\n');
            }
        }
    }

    /// <summary>A record's text cut at its work and author ids: the texts around them, and each id's letter and 10-digit number.</summary>
    private static (List<string> Texts, List<(char Letter, string Number)> Ids) Split(string json)
    {
        var texts = new List<string>();
        var ids = new List<(char, string)>();
        var from = 0;
        foreach (Match id in WorkOrAuthorId().Matches(json))
        {
            var letter = id.Groups["letter"];
            texts.Add(json[from..letter.Index]);
            ids.Add((letter.Value[0], id.Groups["number"].Value.PadLeft(10, '0')));
            from = id.Index + id.Length;
        }
        texts.Add(json[from..]);
        return (texts, ids);
    }

    [GeneratedRegex(@"https://openalex\.org/(?<letter>[WA])(?<number>\d{1,10})\b")]
    private static partial Regex WorkOrAuthorId();
}

public class RenumberedSampleTests
{
    [Fact]
    public async Task Each_copy_is_a_new_set_of_works_and_authors_citing_each_other_as_the_sample_does()
    {
        using var files = new TemporaryFiles();
        var input = Path.Combine(files.Folder, "copies.jsonl.gz");
        RenumberedSample.Write(input, copies: 2);
        using var database = new TemporaryDatabase();

        var result = await Verbs.ImportAsync(database, input);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(200, await DatabaseContent.CountAsync(database, "SELECT COUNT(*) FROM \"Works\""));
        Assert.Equal(2 * 349, await DatabaseContent.CountAsync(database, "SELECT COUNT(*) FROM \"Researchers\" WHERE \"OpenAlexId\" IS NOT NULL"));
        Assert.Equal(2 * 47, await DatabaseContent.CountAsync(database, "SELECT COUNT(*) FROM \"Citations\""));
        Assert.Equal(0, await DatabaseContent.CountAsync(database,
            "SELECT COUNT(*) FROM \"Citations\" c JOIN \"Works\" a ON a.\"Id\" = c.\"CitingWorkId\" JOIN \"Works\" b ON b.\"Id\" = c.\"CitedWorkId\" WHERE substr(a.\"OpenAlexId\", 1, 2) <> substr(b.\"OpenAlexId\", 1, 2)"));
    }
}

/// <summary>
/// Writes the input of the import throughput figure in docs/benchmarks.md; out of the default run:
///   BZPEER_IMPORT_BENCH_FILE=/tmp/works-100k.jsonl BZPEER_IMPORT_BENCH_WORKS=100000 dotnet test BzPeer.Explorer.Tests -c Release \
///     --settings BzPeer.Explorer.Tests/on-purpose.runsettings --filter "Category=Benchmark&amp;FullyQualifiedName~RenumberedSample"
/// then imports it with the import verb (see docs/benchmarks.md).
/// </summary>
[Trait("Category", "Benchmark")]
public class RenumberedSampleBenchmarkInput(ITestOutputHelper output)
{
    [Fact]
    public void Writes_the_renumbered_sample_for_the_import_throughput_figure()
    {
        var path = Environment.GetEnvironmentVariable("BZPEER_IMPORT_BENCH_FILE") is { Length: > 0 } named
            ? named : Path.Combine(Path.GetTempPath(), "bzpeer-import-bench.jsonl");
        var works = int.TryParse(Environment.GetEnvironmentVariable("BZPEER_IMPORT_BENCH_WORKS"), out var wanted) && wanted > 0 ? wanted : 100_000;
        var copies = (works + RenumberedSample.WorksPerCopy - 1) / RenumberedSample.WorksPerCopy;

        RenumberedSample.Write(path, copies);

        output.WriteLine($"import-bench: input {path} works={copies * RenumberedSample.WorksPerCopy} bytes={new FileInfo(path).Length}");
    }
}
