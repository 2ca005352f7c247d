using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Import;
using BzPeer.Explorer.Import.OpenAlex;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Import;

/// <summary>
/// Missing is normal (issue 18, DESIGN.md §7): a real record with any field but its id removed, null or emptied is
/// stored with what it has; with a field of the wrong type it is stored, or skipped with a message naming the field.
/// </summary>
public class MissingFieldTests
{
    [Theory, FieldVariantKinds(DatabaseProvider.Sqlite), FieldVariantKinds(DatabaseProvider.Postgres)]
    public async Task Every_field_of_every_kind_may_be_missing_null_or_empty_and_a_wrong_type_is_named(string kind, DatabaseProvider provider)
    {
        var variants = MissingFieldVariants.Of(kind);
        Assert.True(variants.Count > 20, $"{kind}: only {variants.Count} variants");
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        var path = files.WriteJsonLines($"{kind}.jsonl", variants.Select(v => v.Record));

        var result = await Verbs.ImportAsync(database, path);

        Assert.True(result.ExitCode is ExitCodes.Success or ExitCodes.SkippedInput, result.ToString());
        var stored = await StoredIdsAsync(database, kind);
        var summary = result.Summary();
        if (stored is null)
        {
            // Kinds the app does not store are ignored whole, whatever their fields hold.
            Assert.Empty(result.Errors);
            Assert.Equal((variants.Count, 0), (summary["ignored"], summary["skipped"]));
            return;
        }
        var refused = 0;
        foreach (var variant in variants.Where(v => !stored.Contains(v.Id)))
        {
            Assert.True(variant.Change == FieldChange.WrongType, $"{kind} with '{variant.Field}' {variant.Change} was not stored:\n{result}");
            // Only the first bad records are shown, so the reason is read from the parser, which gives the message shown.
            var reason = Assert.Throws<RecordFormatException>(() => Parse(variant));
            Assert.True(reason.Message.Contains($"'{variant.Field}", StringComparison.Ordinal), $"{kind}: the message does not name '{variant.Field}': {reason.Message}");
            refused++;
        }
        Assert.Equal(refused, summary["skipped"]);
        Assert.Equal(Math.Min(refused, ImportReport.ShownInFull), result.Errors.Count);
        Assert.All(result.Errors, line => Assert.Matches($@"^bad input: {Regex.Escape(path)}: line \d+ \([A-Z]\d+\): '", line));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Records_with_missing_null_or_empty_fields_are_stored_from_every_shape_the_reader_accepts(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        var records = MissingFieldVariants.Of("authors").Concat(MissingFieldVariants.Of("institutions"))
            .Where(v => v.Change != FieldChange.WrongType).ToList();
        var shapes = new List<List<string>>();
        JsonArray Shape(int shape)
        {
            var ids = new List<string>();
            shapes.Add(ids);
            var copies = new JsonArray();
            foreach (var record in records)
            {
                var copy = record.Record.DeepClone().AsObject();
                var id = $"{record.Id[0]}{long.Parse(record.Id[1..], CultureInfo.InvariantCulture) + shape * 100_000}";
                copy["id"] = $"https://openalex.org/{id}";
                ids.Add(id);
                copies.Add(copy);
            }
            return copies;
        }
        files.Write("array.json", Shape(1).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        files.Write("page.json", new JsonObject { ["meta"] = new JsonObject { ["count"] = records.Count }, ["results"] = Shape(2) }.ToJsonString());
        files.WriteGzip("lines.jsonl.gz", string.Join('\n', Shape(3).Select(r => r!.ToJsonString())));
        var singles = Shape(4);
        for (var i = 0; i < singles.Count; i++) files.Write($"singles/{i}.json", singles[i]!.ToJsonString());

        var result = await Verbs.ImportAsync(database, files.Folder);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var stored = (await StoredIdsAsync(database, "authors"))!.Concat((await StoredIdsAsync(database, "institutions"))!).ToHashSet();
        Assert.All(shapes.SelectMany(ids => ids), id => Assert.Contains(id, stored));
    }

    private static void Parse(FieldVariant variant)
    {
        using var document = JsonDocument.Parse(variant.Record.ToJsonString());
        OpenAlexParser.Parse(document.RootElement);
    }

    /// <summary>The OpenAlex ids stored for the kind; null for a kind the app does not store.</summary>
    private static async Task<HashSet<string>?> StoredIdsAsync(TemporaryDatabase database, string kind)
    {
        await using var db = database.CreateContext();
        var ids = kind switch
        {
            "works" => db.Works.Select(w => w.OpenAlexId),
            "authors" => db.Researchers.Select(r => r.OpenAlexId),
            "institutions" => db.Institutions.Select(i => i.OpenAlexId),
            "sources" => db.Venues.Select(v => v.OpenAlexId),
            "topics" => db.Topics.Select(t => t.OpenAlexId),
            _ => null,
        };
        return ids is null ? null : (await ids.Where(id => id != null).Select(id => id!).ToListAsync()).ToHashSet();
    }
}
