namespace BzPeer.Explorer.Data;

/// <summary>
/// The few places where the SQL the app writes by hand differs between SQLite and PostgreSQL. Everything else is
/// written once: quoted identifiers, @parameters, ON CONFLICT, UPDATE … FROM and window functions work on both.
/// </summary>
internal sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(isPostgres: false);
    public static readonly SqlDialect Postgres = new(isPostgres: true);

    private SqlDialect(bool isPostgres) => IsPostgres = isPostgres;

    public bool IsPostgres { get; }

    public static SqlDialect Of(ExplorerDbContext db) => db.IsPostgres ? Postgres : Sqlite;

    /// <summary>The smaller of two values, ignoring a NULL one (NULL only when both are).</summary>
    public string Least(string a, string b) => IsPostgres ? $"LEAST({a}, {b})" : $"MIN(COALESCE({a}, {b}), COALESCE({b}, {a}))";

    /// <summary>The larger of two values, ignoring a NULL one (NULL only when both are).</summary>
    public string Greatest(string a, string b) => IsPostgres ? $"GREATEST({a}, {b})" : $"MAX(COALESCE({a}, {b}), COALESCE({b}, {a}))";

    /// <summary>A table source over a JSON array of strings bound to <paramref name="parameter"/>, with one text column named value.</summary>
    public string JsonTexts(string parameter) =>
        IsPostgres ? $"json_array_elements_text(CAST({parameter} AS json))" : $"json_each({parameter})";

    /// <summary>A subquery of the integers in a JSON array bound to <paramref name="parameter"/>.</summary>
    public string JsonIds(string parameter) => $"SELECT CAST(value AS integer) FROM {JsonTexts(parameter)}";

    /// <summary>
    /// A table source over a JSON object of arrays bound to <paramref name="parameter"/>: o.key is the object's key,
    /// r.value each string of its array.
    /// </summary>
    public string JsonObjectOfArrays(string parameter) => IsPostgres
        ? $"json_each(CAST({parameter} AS json)) o, json_array_elements_text(o.value) r"
        : $"json_each({parameter}) o, json_each(o.value) r";
}
