// Compiled together with every C# block of README.md and docs/*.md (not part of the test assembly).
// A block may use these names without declaring them: the things a reader of a snippet is assumed to have at hand.
// Anything else it uses must be declared in the block itself (or come from the generator), which is how a
// snippet that uses an undefined `logger` fails.

// The implicit usings of a new ASP.NET Core project (`dotnet new web`).
global using System;
global using System.Collections.Generic;
global using System.IO;
global using System.Linq;
global using System.Net.Http;
global using System.Net.Http.Json;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Hosting;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Hosting;
global using Microsoft.Extensions.Logging;
global using static DocsSnippets.Givens;
global using DocsSnippets;

using Attio;

namespace DocsSnippets
{
    /// <summary>The names a snippet may use without declaring them.</summary>
    public static class Givens
    {
        /// <summary>An Attio API token.</summary>
        public static string token => throw Never();

        /// <summary>A client, as the README's first example creates it.</summary>
        public static AttioClient attio => throw Never();

        /// <summary>The same, under the other name the docs use.</summary>
        public static AttioClient client => throw Never();

        /// <summary>A sender, as docs/delivery.md creates it.</summary>
        public static AttioSender sender => throw Never();

        /// <summary>An ASP.NET Core app's builder (<c>WebApplication.CreateBuilder(args)</c>).</summary>
        public static WebApplicationBuilder builder => throw Never();

        /// <summary>The built app.</summary>
        public static WebApplication app => throw Never();

        /// <summary>A service collection (<c>builder.Services</c>).</summary>
        public static IServiceCollection services => throw Never();

        /// <summary>A logger factory, for the client without DI.</summary>
        public static ILoggerFactory loggerFactory => throw Never();

        /// <summary>Your users, for the bulk examples.</summary>
        public static IEnumerable<UserRow> users => throw Never();

        /// <summary>Your database (an EF Core context in the docs).</summary>
        public static AppDatabase db => throw Never();

        /// <summary>One of your product's events.</summary>
        public static Signup signup => throw Never();

        private static Exception Never() => new InvalidOperationException("Documentation snippets are compiled, never run.");
    }

    /// <summary>A row of your users table.</summary>
    public sealed record UserRow(string Email, string Id, string? Title, DateTimeOffset UpdatedAt, CompanyRow? Company);

    /// <summary>A row of your companies table.</summary>
    public sealed record CompanyRow(string Domain, string Id, string Name);

    /// <summary>Your database context.</summary>
    public sealed class AppDatabase
    {
        public IQueryable<UserRow> Users => throw new InvalidOperationException("Documentation snippets are compiled, never run.");
    }

    /// <summary>EF Core's extension, so that the docs can show a query as users write it.</summary>
    public static class QueryableExtensions
    {
        public static IQueryable<T> AsNoTracking<T>(this IQueryable<T> query) => query;
    }

    /// <summary>Your product's sign-up event, mapped to a person.</summary>
    [AttioObject("people")]
    public partial record Signup(
        [property: AttioMap("email_addresses")] string Email,
        string UserId,
        DateTimeOffset OccurredAt);
}
