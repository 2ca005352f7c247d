using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json.Nodes;
using BzPeer.Explorer.Tests.Import;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BzPeer.Explorer.Tests.Live;

/// <summary>
/// The OpenAlex API as the app sees it, on loopback, answering from the real records in ../shared/openalex: the
/// sample works and the snapshot's works, authors and institutions. An author or institution that is only mentioned in
/// the works is answered with the record made from those mentions (its id, name, ORCID, counts). Lists answer in the
/// API's envelope (<c>{"meta":…,"results":[…]}</c>) for the filters the app uses. Every request is logged with when
/// it arrived; a test can script the next answers to a path (a 429, malformed JSON), merge an id (301), or make the
/// whole API hang.
/// </summary>
public sealed class OpenAlexStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, JsonObject> _records = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<JsonObject> _works = [];
    private readonly ConcurrentQueue<(TimeSpan At, string PathAndQuery)> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body)>> _scripted = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _merged = new(StringComparer.OrdinalIgnoreCase);
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private volatile bool _hang;

    private OpenAlexStandIn(WebApplication app)
    {
        _app = app;
        LoadRecords();
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The settings that point the app at this stand-in, with <paramref name="apiKey"/> as its key.</summary>
    public Dictionary<string, string?> AppSettings(string apiKey) => new()
    {
        ["OpenAlex:Enabled"] = "true", ["OpenAlex:BaseUrl"] = BaseAddress.AbsoluteUri, ["OpenAlex:ApiKey"] = apiKey,
    };

    /// <summary>The requests received, in order, with when each arrived (from the stand-in's start).</summary>
    public List<(TimeSpan At, string PathAndQuery)> Requests => [.. _requests];

    /// <summary>Requests that were list calls (a query without a record id in the path, or an autocomplete).</summary>
    public List<string> ListCalls => Requests.Select(r => r.PathAndQuery).Where(IsListCall).ToList();

    /// <summary>The next answers to requests whose path is <paramref name="path"/> (e.g. "/authors/A1"), in order; then the records again.</summary>
    public void Script(string path, params (int Status, string Body)[] answers)
    {
        var queue = _scripted.GetOrAdd(path, _ => new ConcurrentQueue<(int, string)>());
        foreach (var answer in answers) queue.Enqueue(answer);
    }

    /// <summary>OpenAlex merged <paramref name="oldId"/> into <paramref name="intoId"/>: asking for the old one answers 301.</summary>
    public void Merge(string oldId, string intoId) => _merged[oldId] = intoId;

    /// <summary>Accepts requests and never answers them (a server that is up but stuck).</summary>
    public void Hang() => _hang = true;

    /// <summary>A record the stand-in serves, by its short id (for building variants of it).</summary>
    public JsonObject Record(string id) => (JsonObject)_records[id].DeepClone();

    public static async Task<OpenAlexStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new OpenAlexStandIn(app);
        app.Run(standIn.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.BaseAddress = new Uri(address);
        return standIn;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        _requests.Enqueue((_clock.Elapsed, request.Path + request.QueryString));
        if (_hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
            return;
        }
        if (_scripted.TryGetValue(request.Path.Value!, out var queue) && queue.TryDequeue(out var scripted))
        {
            await Write(context, scripted.Status, scripted.Body);
            return;
        }
        var segments = request.Path.Value!.Trim('/').Split('/', 2);
        var entity = segments[0];
        if (entity == "autocomplete")
        {
            await Write(context, 200, Autocomplete(segments.Length == 2 ? segments[1] : null, request.Query["q"].ToString()).ToJsonString());
            return;
        }
        if (segments.Length == 1)
        {
            await Write(context, 200, List(entity, request.Query).ToJsonString());
            return;
        }
        var id = Uri.UnescapeDataString(segments[1]);
        if (_merged.TryGetValue(id, out var into))
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = $"{BaseAddress.AbsoluteUri.TrimEnd('/')}/{entity}/{into}";
            return;
        }
        var record = Find(entity, id);
        await Write(context, record is null ? 404 : 200, record?.ToJsonString() ?? """{"error":"Not found"}""");
    }

    private JsonObject? Find(string entity, string id)
    {
        var colon = id.IndexOf(':');
        if (colon < 0) return _records.GetValueOrDefault(id);
        var (scheme, value) = (id[..colon].ToLowerInvariant(), id[(colon + 1)..]);
        var field = (entity, scheme) switch
        {
            ("authors", "orcid") => ("orcid", "https://orcid.org/"),
            ("works", "doi") => ("doi", "https://doi.org/"),
            ("institutions", "ror") => ("ror", "https://ror.org/"),
            _ => default,
        };
        if (field == default) return null;
        return _records.Values.FirstOrDefault(r => KindOf(r) == entity
            && string.Equals(r[field.Item1]?.GetValue<string>(), field.Item2 + value, StringComparison.OrdinalIgnoreCase));
    }

    private JsonObject List(string entity, IQueryCollection query)
    {
        var filter = query["filter"].ToString();
        IEnumerable<JsonObject> matches = query.ContainsKey("search") ? Named(entity, query["search"].ToString().Trim())
            : entity == "works" ? _works : _records.Values.Where(r => KindOf(r) == entity);
        foreach (var condition in filter.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, values) = (condition[..condition.IndexOf(':')], condition[(condition.IndexOf(':') + 1)..].Split('|').Select(Short).ToHashSet(StringComparer.OrdinalIgnoreCase));
            matches = name switch
            {
                "openalex" or "ids.openalex" => matches.Where(r => values.Contains(Short(r["id"]!.GetValue<string>()))),
                "author.id" or "authorships.author.id" => matches.Where(w => Authorships(w).Any(a => values.Contains(Short(a["author"]?["id"]?.GetValue<string>())))),
                "authorships.institutions.id" or "institutions.id" => matches.Where(w => Authorships(w)
                    .Any(a => a["institutions"]!.AsArray().Any(i => values.Contains(Short(i?["id"]?.GetValue<string>()))))),
                "topics.id" => matches.Where(w => w["topics"]?.AsArray().Any(t => values.Contains(Short(t?["id"]?.GetValue<string>()))) == true),
                _ => [],
            };
        }
        if (query["sort"] == "cited_by_count:desc") matches = matches.OrderByDescending(w => w["cited_by_count"]?.GetValue<int>() ?? 0);
        var all = matches.ToList();
        var perPage = int.TryParse(query["per_page"], out var size) ? Math.Clamp(size, 1, 200) : 25;
        var cursor = query["cursor"].ToString();
        var page = cursor.Length > 0 ? (cursor == "*" ? 1 : int.Parse(cursor[1..], System.Globalization.CultureInfo.InvariantCulture))
            : int.TryParse(query["page"], out var number) ? number : 1;
        var select = query["select"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        var results = new JsonArray();
        foreach (var record in all.Skip((page - 1) * perPage).Take(perPage))
        {
            var copy = (JsonObject)record.DeepClone();
            if (select.Length > 0)
                foreach (var field in copy.Select(p => p.Key).Where(k => !select.Contains(k)).ToList()) copy.Remove(field);
            results.Add(copy);
        }
        var meta = new JsonObject { ["count"] = all.Count, ["page"] = cursor.Length > 0 ? null : page, ["per_page"] = perPage };
        if (cursor.Length > 0) meta["next_cursor"] = page * perPage < all.Count ? $"p{page + 1}" : null;
        return new JsonObject { ["meta"] = meta, ["results"] = results, ["group_by"] = new JsonArray() };
    }

    /// <summary>Records of a kind whose name contains <paramref name="text"/>, case aside.</summary>
    private IEnumerable<JsonObject> Named(string entity, string text) => (entity == "works" ? _works : _records.Values.Where(r => KindOf(r) == entity))
        .Where(r => text.Length > 0 && (r["display_name"]?.GetValue<string>() ?? "").Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The autocomplete endpoint's answer: up to ten records whose name contains q, in its short form, most cited first;
    /// of one kind, or (without <paramref name="onlyEntity"/>) of every kind.
    /// </summary>
    private JsonObject Autocomplete(string? onlyEntity, string q)
    {
        var results = new JsonArray();
        string[] entities = onlyEntity is null ? ["works", "authors", "institutions", "topics", "sources"] : new[] { onlyEntity };
        var matches = entities.SelectMany(e => Named(e, q.Trim())).OrderByDescending(r => r["cited_by_count"]?.GetValue<int>() ?? 0).ToList();
        foreach (var record in matches.Take(10))
        {
            var entity = KindOf(record);
            results.Add(new JsonObject
            {
                ["id"] = record["id"]!.DeepClone(), ["short_id"] = $"{entity}/{Short(record["id"]!.GetValue<string>())}",
                ["display_name"] = record["display_name"]?.DeepClone(), ["hint"] = entity == "works" ? record["publication_year"]?.ToString() : null,
                ["cited_by_count"] = record["cited_by_count"]?.DeepClone(), ["works_count"] = record["works_count"]?.DeepClone(),
                ["entity_type"] = entity.TrimEnd('s'),
            });
        }
        return new JsonObject { ["meta"] = new JsonObject { ["count"] = matches.Count, ["db_response_time_ms"] = 1, ["page"] = 1, ["per_page"] = 10 }, ["results"] = results };
    }

    private static IEnumerable<JsonObject> Authorships(JsonObject work) => work["authorships"]!.AsArray().OfType<JsonObject>();

    private static string KindOf(JsonObject record) => Short(record["id"]!.GetValue<string>())[0] switch
    {
        'W' => "works", 'A' => "authors", 'I' => "institutions", 'T' => "topics", 'S' => "sources", _ => "other",
    };

    private static string Short(string? id) => id is null ? "" : id[(id.LastIndexOf('/') + 1)..];

    private static bool IsListCall(string pathAndQuery)
    {
        var path = pathAndQuery.Split('?')[0].Trim('/');
        return !path.Contains('/') || path.StartsWith("autocomplete", StringComparison.Ordinal);
    }

    private static async Task Write(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    /// <summary>Every record of ../shared/openalex, and the authors, institutions and topics its works mention.</summary>
    private void LoadRecords()
    {
        var works = SharedOpenAlex.SampleWorkRecords();
        var snapshot = SharedOpenAlex.Snapshot;
        foreach (var file in Directory.GetFiles(snapshot, "*", SearchOption.AllDirectories))
        {
            if (file.Contains("merged_ids") || Path.GetFileName(file) == "manifest") continue;
            foreach (var record in ReadRecords(file))
            {
                if (KindOf(record) == "works") works.Add(record);
                else _records.TryAdd(Short(record["id"]!.GetValue<string>()), record);
            }
        }
        foreach (var work in works)
        {
            var id = Short(work["id"]!.GetValue<string>());
            if (!_records.TryAdd(id, work)) continue;
            _works.Add(work);
        }
        // Mentioned authors, institutions and topics, made from what the works say of them.
        foreach (var group in _works.SelectMany(w => Authorships(w).Select(a => (Work: w, Author: a["author"] as JsonObject)))
                     .Where(x => x.Author?["id"] is not null).GroupBy(x => Short(x.Author!["id"]!.GetValue<string>())))
        {
            if (_records.ContainsKey(group.Key)) continue;
            var mention = group.First().Author!;
            _records[group.Key] = new JsonObject
            {
                ["id"] = mention["id"]!.DeepClone(), ["display_name"] = mention["display_name"]?.DeepClone(), ["orcid"] = mention["orcid"]?.DeepClone(),
                ["works_count"] = group.Count(), ["cited_by_count"] = group.Sum(x => x.Work["cited_by_count"]?.GetValue<int>() ?? 0),
                ["summary_stats"] = new JsonObject { ["h_index"] = Math.Min(group.Count(), 5), ["i10_index"] = 0 },
                ["updated_date"] = "2025-06-01T00:00:00.000000",
            };
        }
        foreach (var institution in _works.SelectMany(Authorships).SelectMany(a => a["institutions"]!.AsArray().OfType<JsonObject>()))
        {
            if (institution["id"] is null) continue;
            var copy = (JsonObject)institution.DeepClone();
            copy["updated_date"] = "2025-06-01T00:00:00.000000";
            _records.TryAdd(Short(institution["id"]!.GetValue<string>()), copy);
        }
        foreach (var topic in _works.SelectMany(w => w["topics"]?.AsArray().OfType<JsonObject>() ?? []))
        {
            var copy = (JsonObject)topic.DeepClone();
            copy.Remove("score");
            copy["updated_date"] = "2025-06-01T00:00:00.000000";
            _records.TryAdd(Short(topic["id"]!.GetValue<string>()), copy);
        }
    }

    private static IEnumerable<JsonObject> ReadRecords(string file)
    {
        using var stream = File.OpenRead(file);
        var gzip = file.EndsWith(".gz", StringComparison.Ordinal);
        using var reader = new StreamReader(gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream);
        var text = reader.ReadToEnd();
        if (!gzip) return [JsonNode.Parse(text)!.AsObject()];
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
