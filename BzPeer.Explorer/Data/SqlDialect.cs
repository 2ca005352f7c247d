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
}
