using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Attio.Delivery.Tests;

/// <summary>The generated sender extensions are typed: a record of the wrong object does not compile.</summary>
public sealed class TypedSenderCompilationTests
{
    [Theory]
    [InlineData("await sender.EnqueuePersonAsync(new Person { EmailAddresses = [\"a@example.com\"] });")]
    [InlineData("await sender.EnqueueIdentifyUserAsync(\"a@example.com\", \"u-1\", new Person(), new User());")]
    [InlineData("await sender.EnqueueGroupWorkspaceAsync(\"example.com\", \"ws-1\", new Company(), new Workspace(), userId: \"u-1\");")]
    public void TheRightRecordTypeCompiles(string call) =>
        Assert.Empty(Errors(call));

    [Theory]
    [InlineData("await sender.EnqueuePersonAsync(new Company { Name = \"Wrong\" });", "CS1503")]
    [InlineData("await sender.EnqueueIdentifyUserAsync(\"a@example.com\", \"u-1\", new Company(), new User());", "CS1503")]
    [InlineData("await sender.EnqueueGroupWorkspaceAsync(\"example.com\", \"ws-1\", new Person());", "CS1503")]
    public void AWrongRecordTypeIsACompileError(string call, string code) =>
        Assert.Contains(Errors(call), d => d.Id == code);

    private static List<Diagnostic> Errors(string call)
    {
        string source = $$"""
            using Attio;
            using Northwind.Crm;
            public static class Probe
            {
                public static async System.Threading.Tasks.Task Run(AttioSender sender)
                {
                    {{call}}
                }
            }
            """;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(AttioSender).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Northwind.Crm.Person).Assembly.Location));
        var compilation = CSharpCompilation.Create("Probe", [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12))], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }
}
