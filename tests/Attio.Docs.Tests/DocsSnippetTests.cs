namespace Attio.Docs.Tests;

/// <summary>
/// Every C# block of README.md and docs/*.md compiles against the example schema with the generator. A block fenced
/// <c>```csharp no-compile</c> is a deliberate error example: it must fail, or the mark is wrong.
/// </summary>
public sealed class DocsSnippetTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, (Snippet Snippet, IReadOnlyList<string> Usings)>> All = new(Load);

    public static TheoryData<string> Blocks() => [.. All.Value.Keys];

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Every_csharp_block_compiles(string block)
    {
        var (snippet, usings) = All.Value[block];

        var errors = SnippetCompiler.Errors(snippet, usings);

        if (snippet.Compiles)
        {
            Assert.True(errors.Count == 0, $"{block} does not compile:\n{string.Join("\n", errors)}\n--- block ---\n{snippet.Code}");
        }
        else
        {
            Assert.True(errors.Count > 0, $"{block} is marked no-compile but compiles: remove the mark.");
        }
    }

    [Fact]
    public void The_readmes_first_example_is_among_the_compiled_blocks()
    {
        var first = All.Value.Values.Select(v => v.Snippet).First(s => s.File == "README.md");

        Assert.True(first.Compiles);
        Assert.Contains("using Northwind.Crm;", first.Code);
        Assert.Contains("AssertPersonAsync", first.Code);
        Assert.Contains(All.Value.Values, v => v.Snippet.File == "docs/delivery.md");
    }

    [Fact]
    public void A_block_that_uses_an_undeclared_name_fails()
    {
        var snippet = new Snippet("test.md", 3, "Action<string> log = r => logger.LogWarning(\"{Result}\", r);\n", true, 0);

        var errors = SnippetCompiler.Errors(snippet, []);

        string error = Assert.Single(errors);
        Assert.StartsWith("test.md(3,", error);
        Assert.Contains("CS0103: The name 'logger' does not exist", error);
    }

    [Fact]
    public void A_block_that_misspells_a_generated_member_fails_at_its_line()
    {
        var snippet = new Snippet("test.md", 10, "using Northwind.Crm;\n\nawait attio.AssertPersonAsync(new Person { EmailAdresses = [\"a@example.com\"] });\n", true, 0);

        var errors = SnippetCompiler.Errors(snippet, []);

        Assert.Contains(errors, e => e.StartsWith("test.md(12,", StringComparison.Ordinal) && e.Contains("EmailAdresses", StringComparison.Ordinal));
    }

    [Fact]
    public void A_block_sees_the_usings_of_the_blocks_above_it_and_types_may_precede_statements()
    {
        var snippet = new Snippet("test.md", 1, """
            [AttioObject("people")]
            public partial record Renamed([property: AttioMap("email_addresses")] string Email);

            await attio.AssertPersonAsync(new Person { EmailAddresses = ["a@example.com"] });
            Console.WriteLine(new Renamed("a@example.com").ToPerson());
            """, true, 1);

        Assert.NotEmpty(SnippetCompiler.Errors(snippet, []));
        Assert.Empty(SnippetCompiler.Errors(snippet, ["using Attio;", "using Northwind.Crm;"]));
    }

    [Fact]
    public void The_fence_marks_are_read()
    {
        string dir = Path.Combine(Path.GetTempPath(), "attio-docs-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string file = Path.Combine(dir, "page.md");
            File.WriteAllText(file, "# Page\n\n```csharp\nvar a = 1;\n```\n\n```text\n```csharp inside text\n```\n\n1. Step\n\n   ```csharp no-compile attio-namespace=MyApp.Crm\n   var b = ;\n   ```\n");

            var snippets = MarkdownSnippets.Read(dir, file);

            Assert.Collection(snippets,
                s => Assert.Equal(("page.md", 4, "var a = 1;\n", true), (s.File, s.Line, s.Code, s.Compiles)),
                s => Assert.Equal(("page.md", 14, "var b = ;\n", false, "MyApp.Crm"), (s.File, s.Line, s.Code, s.Compiles, s.GeneratedNamespace)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_readme_describes_only_what_the_sample_prints()
    {
        // The README once said the sample prints the email's local part; it never did.
        string root = Attio.Tests.RepositoryRoot.Path;
        string readme = File.ReadAllText(Path.Combine(root, "README.md"));
        int start = readme.IndexOf("## What the sample does", StringComparison.Ordinal);
        string section = readme[start..readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal)];
        string program = File.ReadAllText(Path.Combine(root, "samples", "GeneratedWorkspace", "Program.cs"));

        // The sample reads typed values (read.JobTitle) where the generated record has them, raw fields otherwise.
        foreach (var (claim, printed) in new[] { ("local part", "local_part"), ("domain", "email_domain"), ("job title", "read.JobTitle"), ("Twitter", "read.Twitter"), ("as sent", "original_email_address") })
        {
            Assert.True(!section.Contains(claim, StringComparison.Ordinal) || program.Contains(printed, StringComparison.Ordinal),
                $"README's 'What the sample does' says the sample prints the {claim}, but samples/GeneratedWorkspace/Program.cs never reads {printed}.");
        }
    }

    private static IReadOnlyDictionary<string, (Snippet, IReadOnlyList<string>)> Load()
    {
        string root = Attio.Tests.RepositoryRoot.Path;
        var blocks = new Dictionary<string, (Snippet, IReadOnlyList<string>)>(StringComparer.Ordinal);
        foreach (var document in MarkdownSnippets.Documents(root))
        {
            var usings = new List<string>();
            foreach (var snippet in MarkdownSnippets.Read(root, document))
            {
                // A block written for another generated namespace is a program of its own: it neither sees nor lends usings.
                if (snippet.GeneratedNamespace is not null)
                {
                    blocks.Add(snippet.Name, (snippet, []));
                    continue;
                }

                blocks.Add(snippet.Name, (snippet, usings.ToList()));
                usings.AddRange(SnippetCompiler.Usings(snippet).Except(usings));
            }
        }

        return blocks;
    }
}
