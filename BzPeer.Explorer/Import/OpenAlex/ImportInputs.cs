using System.Text.Json;

namespace BzPeer.Explorer.Import.OpenAlex;

internal enum InputKind { Records, MergedIds }

/// <param name="Path">The path as the user gave it, or below the folder they gave, for messages.</param>
internal sealed record InputFile(string Path, InputKind Kind, long Length, int Order);

/// <summary>
/// The files an import reads, from the paths it was given: files as they are, folders read recursively. In a folder,
/// JSON (.json, .jsonl, .ndjson), gzip (.gz) and files without an extension (the snapshot's single-entity files) are
/// records, merged_ids/**/*.csv(.gz) are merged ids, and each <c>manifest</c> is checked for the part files it lists
/// that are not there. Snapshot files are put in an order that lets mentions find full records: merged ids, then
/// institutions, topics, sources (venues in 2022), authors, works; the rest keep the order given.
/// </summary>
internal sealed class ImportInputs
{
    private static readonly string[] EntityOrder = ["merged_ids", "institutions", "topics", "sources", "venues", "authors", "works"];

    public List<InputFile> Files { get; } = [];
    /// <summary>Paths that could not be read, with the reason.</summary>
    public List<(string Path, string Reason)> Unreadable { get; } = [];
    /// <summary>Things worth saying that are not errors: manifest parts that are absent, files that are not data.</summary>
    public List<string> Notes { get; } = [];
    public long TotalBytes => Files.Sum(f => f.Length);

    public static ImportInputs Collect(IEnumerable<string> paths)
    {
        var inputs = new ImportInputs();
        var ignored = new List<string>();
        var order = 0;
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                var name = System.IO.Path.GetFileName(path);
                if (name == "manifest") inputs.CheckManifest(path);
                else inputs.Add(path, IsCsv(name) ? InputKind.MergedIds : InputKind.Records, order++);
            }
            else if (Directory.Exists(path))
            {
                inputs.Walk(path, ignored, ref order);
            }
            else
            {
                inputs.Unreadable.Add((path, "no such file or folder"));
            }
        }
        if (ignored.Count > 0)
            inputs.Notes.Add($"{ignored.Count} file(s) in the folders given are not OpenAlex data and were not read (e.g. {ignored[0]})");

        inputs.Files.Sort((a, b) => (Priority(a.Path), a.Order).CompareTo((Priority(b.Path), b.Order)));
        return inputs;
    }

    private void Walk(string folder, List<string> ignored, ref int order)
    {
        string[] files, folders;
        try
        {
            files = Directory.GetFiles(folder);
            folders = Directory.GetDirectories(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Unreadable.Add((folder, $"the folder cannot be read ({e.Message})"));
            return;
        }
        Array.Sort(files, StringComparer.Ordinal);
        Array.Sort(folders, StringComparer.Ordinal);
        var inMergedIds = HasSegment(folder, "merged_ids");
        foreach (var file in files)
        {
            var name = System.IO.Path.GetFileName(file);
            if (name.StartsWith('.')) continue;
            if (name == "manifest") CheckManifest(file);
            else if (inMergedIds && IsCsv(name)) Add(file, InputKind.MergedIds, order++);
            else if (IsRecordFile(name)) Add(file, InputKind.Records, order++);
            else ignored.Add(file);
        }
        foreach (var subfolder in folders)
            if (!System.IO.Path.GetFileName(subfolder).StartsWith('.')) Walk(subfolder, ignored, ref order);
    }

    private void Add(string path, InputKind kind, int order)
    {
        try
        {
            Files.Add(new InputFile(path, kind, new FileInfo(path).Length, order));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Unreadable.Add((path, e.Message));
        }
    }

    /// <summary>Notes the part files a snapshot manifest lists that are not beside it; they are not an error.</summary>
    private void CheckManifest(string manifestPath)
    {
        var folder = System.IO.Path.GetDirectoryName(manifestPath) ?? ".";
        var entity = System.IO.Path.GetFileName(System.IO.Path.GetFullPath(folder));
        var listed = 0;
        var absent = new List<string>();
        try
        {
            using var stream = File.OpenRead(manifestPath);
            using var manifest = JsonDocument.Parse(stream);
            if (!manifest.RootElement.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                Notes.Add($"{manifestPath}: not a snapshot manifest (no \"entries\" list); ignored");
                return;
            }
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String) continue;
                listed++;
                // s3://openalex/data/<entity>/updated_date=…/part_…gz lives at <folder>/updated_date=…/part_…gz
                var text = url.GetString()!;
                var marker = $"/{entity}/";
                var at = text.LastIndexOf(marker, StringComparison.Ordinal);
                var relative = at >= 0 ? text[(at + marker.Length)..] : text[(text.LastIndexOf('/') + 1)..];
                if (!File.Exists(System.IO.Path.Combine(folder, relative))) absent.Add(relative);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            Notes.Add($"{manifestPath}: the manifest cannot be read ({e.Message}); ignored");
            return;
        }
        if (absent.Count > 0)
            Notes.Add($"{manifestPath} lists {listed} part file(s); {absent.Count} are not here and were not imported " +
                $"(e.g. {string.Join(", ", absent.Take(3))})");
    }

    private static int Priority(string path)
    {
        var segments = path.Split('/', '\\');
        for (var i = segments.Length - 2; i >= 0; i--)
        {
            var rank = Array.IndexOf(EntityOrder, segments[i].ToLowerInvariant());
            if (rank >= 0) return HasSegment(path, "merged_ids") ? 0 : rank;
        }
        return EntityOrder.Length;
    }

    private static bool HasSegment(string path, string segment) =>
        path.Split('/', '\\').Any(s => s.Equals(segment, StringComparison.OrdinalIgnoreCase));

    private static bool IsCsv(string name) =>
        name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase);

    private static bool IsRecordFile(string name)
    {
        if (IsCsv(name)) return false;
        var extension = System.IO.Path.GetExtension(name).ToLowerInvariant();
        return extension is "" or ".json" or ".jsonl" or ".ndjson" or ".gz";
    }
}
