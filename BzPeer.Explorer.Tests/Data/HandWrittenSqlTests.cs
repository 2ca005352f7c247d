using System.Text.RegularExpressions;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Data;

/// <summary>
/// SQL written by hand names tables and columns as text. These checks tie that text to the EF model, so renaming a
/// property without the statements that name its column fails here rather than in a user's request.
/// </summary>
public partial class HandWrittenSqlTests
{
    [Fact]
    public void Every_quoted_name_in_hand_written_sql_is_a_table_or_column_of_the_model()
    {
        var known = ModelNames();
        // Columns the migrations add outside the model (PostgreSQL's full-text vectors).
        foreach (var migration in Directory.EnumerateFiles(Path.Combine(Source, "Data", "Migrations"), "*.cs", SearchOption.AllDirectories))
            known.UnionWith(AddedColumn().Matches(File.ReadAllText(migration)).Select(m => m.Groups["name"].Value));

        var unknown = new List<string>();
        var files = SourceFiles().ToList();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var declared = Declared().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet();
            foreach (var name in QuotedNames(text).Distinct())
                if (!known.Contains(name) && !declared.Contains(name)) unknown.Add($"{Path.GetRelativePath(Source, file)}: \"{name}\"");
        }

        Assert.True(files.Count(f => QuotedNames(File.ReadAllText(f)).Any()) >= 5, "the hand-written SQL was found");
        Assert.Empty(unknown);
    }

    [Fact]
    public void A_name_the_model_does_not_have_is_found()
    {
        Assert.Equal(["Titel", "Works"], QuotedNames("""var sql = "SELECT w.\"Titel\" FROM \"Works\" w";""").ToList());
        Assert.DoesNotContain("Titel", ModelNames());
    }

    /// <summary>The tables and columns of every entity of the model, as SQL names them.</summary>
    private static HashSet<string> ModelNames()
    {
        using var database = new TemporaryDatabase();
        using var db = database.CreateContext();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table) continue;
            names.Add(table);
            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
                if (property.GetColumnName(store) is { } column) names.Add(column);
        }
        return names;
    }

    /// <summary>PascalCase names in double quotes inside string literals: SQL's quoted identifiers.</summary>
    private static IEnumerable<string> QuotedNames(string source)
    {
        foreach (Match m in EscapedQuotedName().Matches(source)) yield return m.Groups["name"].Value;
        foreach (Match raw in RawSqlLiteral().Matches(source))
            foreach (Match m in RawQuotedName().Matches(raw.Value)) yield return m.Groups["name"].Value;
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Source, f).Split(Path.DirectorySeparatorChar).Intersect(["bin", "obj", "Migrations"]).Any());

    /// <summary>The app's source folder.</summary>
    private static string Source { get; } = AppSource();

    private static string AppSource()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "BzPeer.sln"))) return Path.Combine(folder.FullName, "BzPeer.Explorer");
        throw new DirectoryNotFoundException($"No BzPeer.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\\""(?<name>[A-Z][A-Za-z0-9]*)\\""")]
    private static partial Regex EscapedQuotedName();

    [GeneratedRegex(@"""""""(?:(?!"""""").)*?\b(?:SELECT|INSERT|UPDATE|DELETE|CREATE|JOIN)\b(?:(?!"""""").)*""""""", RegexOptions.Singleline)]
    private static partial Regex RawSqlLiteral();

    [GeneratedRegex(@"(?<![\\])""(?<name>[A-Z][A-Za-z0-9]*)""")]
    private static partial Regex RawQuotedName();

    /// <summary>Names a statement gives itself: aliases, and the columns of a table it creates.</summary>
    [GeneratedRegex(@"(?:\bAS\s+(?:\\?"")?(?<name>[A-Z][A-Za-z0-9]*))|(?:[(,]\s*\\?""(?<name>[A-Z][A-Za-z0-9]*)\\?""\s+(?:INTEGER|TEXT|BIGINT|REAL))")]
    private static partial Regex Declared();

    [GeneratedRegex(@"ADD COLUMN \\?""(?<name>[A-Za-z0-9]+)\\?""")]
    private static partial Regex AddedColumn();
}
