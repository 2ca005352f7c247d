using BzPeer.Explorer.Cli;

namespace BzPeer.Explorer.Import.OpenAlex;

/// <summary>
/// What an import did not store: bad input, refused and skipped (reported as it is found, the first
/// <see cref="ShownInFull"/> in full, then only counted), and records of kinds the app does not store, ignored. Safe to
/// use from the reading thread and the writing one.
/// </summary>
internal sealed class ImportReport(CommandOutput output)
{
    public const int ShownInFull = 20;
    private readonly Lock _lock = new();
    private readonly Dictionary<OpenAlexKind, int> _unusedKinds = [];
    private int _badRecords;

    public int BadRecords
    {
        get { lock (_lock) return _badRecords; }
    }

    /// <summary>Records of kinds the app does not store (publishers, funders, concepts).</summary>
    public int Ignored
    {
        get { lock (_lock) return _unusedKinds.Values.Sum(); }
    }

    /// <param name="where">The file, and the line or record in it.</param>
    /// <param name="id">The record's id, when it has one.</param>
    public void Bad(string where, string? id, string reason) =>
        Bad(id is null ? where : where.EndsWith(')') ? $"{where[..^1]}, {id})" : $"{where} ({id})", reason);

    /// <param name="where">The file, and the line or record in it.</param>
    public void Bad(string where, string reason)
    {
        int count;
        lock (_lock) count = ++_badRecords;
        if (count <= ShownInFull) output.Problem($"bad input: {where}: {reason}");
    }

    public void Unused(OpenAlexKind kind)
    {
        lock (_lock) _unusedKinds[kind] = _unusedKinds.GetValueOrDefault(kind) + 1;
    }

    /// <summary>The lines that close the report: how many bad records were not shown, and the kinds ignored.</summary>
    public List<string> Closing()
    {
        var lines = new List<string>();
        lock (_lock)
        {
            if (_badRecords > ShownInFull)
                lines.Add($"... and {_badRecords - ShownInFull} more bad record(s) not shown ({_badRecords} in all)");
            if (_unusedKinds.Count > 0)
                lines.Add("ignored kinds the app does not store: " +
                    string.Join(" ", _unusedKinds.OrderBy(k => k.Key).Select(k => $"{k.Key.ToString().ToLowerInvariant()}s={k.Value}")));
        }
        return lines;
    }
}
