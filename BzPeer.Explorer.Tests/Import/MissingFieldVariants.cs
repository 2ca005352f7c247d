using System.IO.Compression;
using System.Reflection;
using System.Text.Json.Nodes;
using BzPeer.Explorer.Data;
using Xunit.Sdk;

namespace BzPeer.Explorer.Tests.Import;

/// <summary>How a variant changed its field: missing, null and empty must be stored; a wrong type may be refused.</summary>
public enum FieldChange { Removed, Null, Emptied, WrongType }

/// <summary>A real record with one field changed, under an id of its own.</summary>
public sealed record FieldVariant(string Id, string Field, FieldChange Change, JsonObject Record);

/// <summary>
/// Variants of the real OpenAlex records under ../shared/openalex, one field changed in each: every top-level field in
/// turn, and every field of the nested objects the importer reads (a work's authorships, their author and
/// institutions, its locations, topics and concepts; an author's affiliations, last known institutions and x_concepts).
/// Each variant gets an id of its own, so that all of them go into one JSON Lines file and one import.
/// </summary>
public static class MissingFieldVariants
{
    public static readonly string[] Kinds = ["works", "authors", "institutions", "sources", "topics", "publishers", "funders", "concepts"];

    /// <summary>The nested objects the importer reads, by kind: a path to the object in the record.</summary>
    private static readonly Dictionary<string, string[]> Nested = new()
    {
        ["works"] = ["authorships[0]", "authorships[0].author", "authorships[0].institutions[0]", "primary_location",
            "primary_location.source", "locations[0]", "topics[0]", "topics[0].field", "concepts[0]", "open_access"],
        ["authors"] = ["affiliations[0]", "affiliations[0].institution", "last_known_institutions[0]", "last_known_institution",
            "x_concepts[0]", "summary_stats"],
        ["institutions"] = ["geo"],
        ["topics"] = ["subfield", "field", "domain"],
    };

    public static List<FieldVariant> Of(string kind)
    {
        var variants = new List<FieldVariant>();
        var letter = kind == "authors" ? 'A' : char.ToUpperInvariant(kind[0]);
        var next = 0;
        foreach (var original in RealRecords(kind))
        {
            foreach (var field in original.Select(p => p.Key).Where(k => k != "id").ToList())
                AddVariants(original, "", field);
            foreach (var path in Nested.GetValueOrDefault(kind, []))
            {
                if (Find(original, path) is not JsonObject nested) continue;
                foreach (var field in nested.Select(p => p.Key).ToList()) AddVariants(original, path, field);
            }
        }
        return variants;

        void AddVariants(JsonObject original, string parentPath, string field)
        {
            foreach (var change in Enum.GetValues<FieldChange>())
            {
                var record = original.DeepClone().AsObject();
                var parent = parentPath.Length == 0 ? record : (JsonObject)Find(record, parentPath)!;
                var value = parent[field];
                if (!Apply(parent, field, value, change)) continue;
                var id = $"{letter}{9_100_000_000 + next++}";
                record["id"] = $"https://openalex.org/{id}";
                variants.Add(new FieldVariant(id, parentPath.Length == 0 ? field : $"{parentPath}.{field}", change, record));
            }
        }
    }

    /// <summary>Changes the field; false when the change means nothing for it (emptying or mistyping a null).</summary>
    private static bool Apply(JsonObject parent, string field, JsonNode? value, FieldChange change)
    {
        var kind = value?.GetValueKind();
        switch (change)
        {
            case FieldChange.Removed:
                parent.Remove(field);
                return true;
            case FieldChange.Null:
                parent[field] = null;
                return true;
            case FieldChange.Emptied:
                JsonNode? empty = kind switch
                {
                    System.Text.Json.JsonValueKind.String => "",
                    System.Text.Json.JsonValueKind.Array => new JsonArray(),
                    System.Text.Json.JsonValueKind.Object => new JsonObject(),
                    System.Text.Json.JsonValueKind.Number => 0,
                    System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => false,
                    _ => null,
                };
                if (empty is null) return false;
                parent[field] = empty;
                return true;
            default:
                // A string for a list, a list for a number, an object for a string, a string for an object or a flag.
                JsonNode? wrong = kind switch
                {
                    System.Text.Json.JsonValueKind.String => new JsonObject { ["wrong"] = 1 },
                    System.Text.Json.JsonValueKind.Array => "wrong",
                    System.Text.Json.JsonValueKind.Number => new JsonArray(1),
                    System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "wrong",
                    _ => null,
                };
                if (wrong is null) return false;
                parent[field] = wrong;
                return true;
        }
    }

    /// <summary>The node at a path like "authorships[0].institutions[0]", or null.</summary>
    private static JsonNode? Find(JsonNode record, string path)
    {
        JsonNode? node = record;
        foreach (var step in path.Split('.'))
        {
            var bracket = step.IndexOf('[');
            var name = bracket < 0 ? step : step[..bracket];
            node = node is JsonObject o ? o[name] : null;
            if (bracket >= 0) node = node is JsonArray a && a.Count > 0 ? a[0] : null;
        }
        return node;
    }

    /// <summary>A few real records of each kind: the single-entity file and the first records of the part file; for kinds the
    /// shared folder has no entity records of (current-schema authors, topics), the ones its works carry.</summary>
    private static List<JsonObject> RealRecords(string kind)
    {
        var records = new List<JsonObject>();
        var folder = Path.Combine(SharedOpenAlex.Snapshot, kind);
        if (Directory.Exists(folder))
        {
            foreach (var single in Directory.GetFiles(folder).Where(f => Path.GetFileName(f) != "manifest").Order())
                records.Add(JsonNode.Parse(File.ReadAllText(single))!.AsObject());
            foreach (var part in Directory.GetFiles(folder, "part_*.gz", SearchOption.AllDirectories).Order())
            {
                using var reader = new StreamReader(new GZipStream(File.OpenRead(part), CompressionMode.Decompress));
                for (var i = 0; i < 2 && reader.ReadLine() is { Length: > 0 } line; i++) records.Add(JsonNode.Parse(line)!.AsObject());
            }
        }
        var sample = SharedOpenAlex.SampleWorkRecords();
        // The richest sample work: authors with institutions, topics, an abstract and a venue.
        var rich = sample.First(w => w["abstract_inverted_index"] is JsonObject && w["topics"] is JsonArray { Count: > 1 }
            && w["primary_location"]?["source"] is JsonObject
            && w["authorships"] is JsonArray authorships && authorships.Any(a => a!["institutions"] is JsonArray { Count: > 0 }));
        switch (kind)
        {
            case "works":
                records.Add(rich);
                break;
            case "authors":
                // A current-schema author record, as OpenAlex gives it, made of what the rich work says of its first author.
                var authorship = rich["authorships"]!.AsArray().First(a => a!["institutions"] is JsonArray { Count: > 0 })!;
                var institution = authorship["institutions"]![0]!;
                var author = authorship["author"]!.DeepClone().AsObject();
                author["works_count"] = 1;
                author["cited_by_count"] = rich["cited_by_count"]!.DeepClone();
                author["summary_stats"] = new JsonObject { ["h_index"] = 1, ["i10_index"] = 0 };
                author["display_name_alternatives"] = new JsonArray(author["display_name"]!.GetValue<string>());
                author["affiliations"] = new JsonArray(new JsonObject
                {
                    ["institution"] = institution.DeepClone(), ["years"] = new JsonArray(rich["publication_year"]!.DeepClone()),
                });
                author["last_known_institutions"] = new JsonArray(institution.DeepClone());
                author["updated_date"] = rich["updated_date"]?.DeepClone();
                records.Add(author);
                break;
            case "topics":
                foreach (var topic in rich["topics"]!.AsArray())
                {
                    var record = topic!.DeepClone().AsObject();
                    record.Remove("score");
                    records.Add(record);
                }
                break;
        }
        return records;
    }
}

/// <summary>The kinds of <see cref="MissingFieldVariants"/> for a database provider; PostgreSQL ones skip as <see cref="PostgresDataAttribute"/> does.</summary>
public sealed class FieldVariantKindsAttribute : DataAttribute
{
    private readonly DatabaseProvider _provider;

    public FieldVariantKindsAttribute(DatabaseProvider provider)
    {
        _provider = provider;
        if (provider == DatabaseProvider.Postgres && Postgres.MissingReason is { } reason && !Postgres.IsRequired) Skip = reason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        MissingFieldVariants.Kinds.Select(kind => new object[] { kind, _provider });
}
