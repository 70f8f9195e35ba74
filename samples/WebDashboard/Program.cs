using WebDashboard;

// dotnet run --project samples/WebDashboard: the embedded emulator unless ATTIO_API_TOKEN is set, an outbox, health
// checks at /health and the delivery dashboard at /attio (log in at /login with the password printed below).
await using var app = await DashboardApp.StartAsync(args);
Console.WriteLine($"Dashboard: {app.Address}attio   health: {app.Address}health   sign in with the password: {app.Password}");
await app.Web.WaitForShutdownAsync();
