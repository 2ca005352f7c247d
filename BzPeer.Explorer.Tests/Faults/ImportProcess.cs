using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using BzPeer.Explorer.Tests.Import;

namespace BzPeer.Explorer.Tests.Faults;

/// <summary>The app's import verb run as a process of its own, so a test can kill it or limit what it may write.</summary>
public sealed class ImportProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ImportProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <param name="fileSizeLimitKb">When set, the process may write no file larger than this (ulimit -f), as on a full disk.</param>
    public static ImportProcess Start(string database, IEnumerable<string> inputs, int? fileSizeLimitKb = null)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "BzPeer.Explorer");
        List<string> arguments = ["import", .. inputs, "--db", database];
        ProcessStartInfo start;
        if (fileSizeLimitKb is { } limit)
        {
            // SIGXFSZ ignored, so a write past the limit fails with EFBIG as on a full disk instead of killing the process.
            start = new ProcessStartInfo("/bin/bash") { ArgumentList = { "-c", $"trap '' XFSZ; ulimit -f {limit}; exec \"$0\" \"$@\"", app } };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            // The runtime's W^X double mapping sizes a memory file that the limit would refuse before Main runs.
            start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        }
        else
        {
            start = new ProcessStartInfo(app);
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
        }
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = AppContext.BaseDirectory;
        return new ImportProcess(Process.Start(start)!);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>SIGKILL: no cleanup of any kind runs in the process.</summary>
    public void Kill() => _process.Kill();

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }
}

/// <summary>Inputs large enough for an import to take a few seconds and many batches.</summary>
public static class LargeImportInput
{
    /// <summary>
    /// The shared real sample works, copied <paramref name="copies"/> times under made-up ids (test databases only), trimmed
    /// to what the importer stores, and citing each other: one gzipped JSON-lines file.
    /// </summary>
    public static string Write(TemporaryFiles files, int copies)
    {
        var samples = SharedOpenAlex.SampleWorkRecords();
        string[] kept = ["title", "publication_year", "type", "authorships", "primary_topic", "topics", "primary_location", "updated_date", "cited_by_count"];
        var path = Path.Combine(files.Folder, "large.jsonl.gz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip);
        var number = 0;
        for (var copy = 0; copy < copies; copy++)
        {
            foreach (var sample in samples)
            {
                number++;
                var work = new JsonObject { ["id"] = $"https://openalex.org/W9{number:D9}" };
                foreach (var key in kept)
                    if (sample[key] is { } value) work[key] = value.DeepClone();
                if (work["authorships"] is JsonArray authorships)
                    while (authorships.Count > 4) authorships.RemoveAt(authorships.Count - 1);
                work["referenced_works"] = new JsonArray(
                    Enumerable.Range(1, 3).Where(back => number - back * 37 > 0)
                        .Select(back => (JsonNode)JsonValue.Create($"https://openalex.org/W9{number - back * 37:D9}")).ToArray());
                writer.WriteLine(work.ToJsonString());
            }
        }
        return path;
    }
}
