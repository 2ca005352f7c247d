using System.Xml.Linq;
using BzPeer.Explorer.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Accounts;

/// <summary>
/// The Data Protection keys (behind sign-in cookies and antiforgery tokens) in the database, so every app instance on
/// it reads what another protected. When the database cannot be written (a read-only file, served as it is), a new
/// key is kept in this process's memory instead, so pages and forms keep working, and the log says so.
/// </summary>
internal sealed class DatabaseKeyRepository(IServiceProvider services, ILoggerFactory loggerFactory) : IXmlRepository
{
    private readonly EntityFrameworkCoreXmlRepository<ExplorerDbContext> _database = new(services, loggerFactory);
    private readonly ILogger _logger = loggerFactory.CreateLogger<DatabaseKeyRepository>();
    private readonly Lock _lock = new();
    private readonly List<XElement> _inMemory = [];

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var stored = _database.GetAllElements();
        lock (_lock) return [.. stored, .. _inMemory];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        try
        {
            _database.StoreElement(element, friendlyName);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 8 })
        {
            _logger.LogWarning("The database is read-only: the new Data Protection key {Key} is kept in memory, so sign-ins end when the app restarts", friendlyName);
            lock (_lock) _inMemory.Add(element);
        }
    }
}
