using Npgsql;

namespace Attio.Cli.Commands;

/// <summary>
/// The passwords inside PostgreSQL connection strings among the arguments, found before parsing so that no message can
/// echo one: a misspelt option, a parse error or a driver error quoting its input.
/// </summary>
public static class PostgresPasswords
{
    /// <summary>The password of every argument that reads as a connection string with one (also <c>--postgres=...</c>).</summary>
    public static IEnumerable<string> In(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        foreach (string arg in args)
        {
            if (arg.Contains("password", StringComparison.OrdinalIgnoreCase) || arg.Contains("pwd", StringComparison.OrdinalIgnoreCase))
            {
                string value = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? arg[(at + 1)..] : arg;
                if (PasswordOf(value) is { Length: > 0 } password)
                {
                    yield return password;
                }
            }
        }
    }

    /// <summary>The password of <paramref name="connectionString"/>, or null when it has none or does not parse.</summary>
    public static string? PasswordOf(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Password;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
