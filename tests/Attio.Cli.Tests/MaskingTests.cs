using Attio.Cli.Output;
using Attio.Cli.Tests.Infrastructure;

namespace Attio.Cli.Tests;

/// <summary>Where the token is masked, and where ordinary text must survive it.</summary>
public sealed class MaskingTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Token = "0f1e2d3c4b5a69780f1e2d3c4b5a69780f1e2d3c4b5a69780f1e2d3c4b5a6978";

    private LocalAttio Emulator => fixture.Emulator;

    private static string Masked(string secret, string text)
    {
        var masker = new SecretMasker();
        masker.Add(secret);
        return masker.Mask(text);
    }

    [Theory]
    [InlineData("wrong", "The token has the wrong length.")]
    [InlineData("wrong", "wrongly typed")]
    [InlineData("token", "No Attio API token. Pass --token or set ATTIO_API_TOKEN.")]
    [InlineData("abcd1234", "xabcd1234 is another word")]
    public void A_secret_inside_ordinary_text_leaves_the_text_alone(string secret, string text) =>
        Assert.Equal(text, Masked(secret, text));

    [Theory]
    [InlineData("wrong", "Unrecognized command or argument 'wrong'.", "Unrecognized command or argument '***'.")]
    [InlineData("wrong", "--tokn=wrong", "--tokn=***")]
    [InlineData("wrong", "wrong", "***")]
    [InlineData(Token, "Authorization: Bearer " + Token + ".", "Authorization: Bearer ***.")]
    [InlineData(Token, "https://x:" + Token + "@api.attio.com/", "https://x:***@api.attio.com/")]
    [InlineData(Token, "id" + Token + Token, "id******")]
    public void A_secret_standing_as_a_token_is_masked(string secret, string text, string expected) =>
        Assert.Equal(expected, Masked(secret, text));

    [Fact]
    public void Short_values_are_never_masked() => Assert.Equal("'abc'", Masked("abc", "'abc'"));

    [Theory]
    [InlineData("--tokn")]
    [InlineData("--Token")]
    [InlineData("--TOKEN")]
    [InlineData("--toekn")]
    [InlineData("--api-key")]
    [InlineData("--tokens")]
    public async Task A_misspelt_token_option_does_not_echo_the_token(string option)
    {
        var spaced = await Tool.RunAsync("schema", "pull", option, Token);
        var joined = await Tool.RunAsync("schema", "pull", option + "=" + Token);

        Assert.Equal(3, spaced.ExitCode);
        Assert.Contains("Unrecognized command or argument", spaced.Stderr);
        Assert.DoesNotContain(Token, spaced.AllOutput);
        Assert.Contains("'***'", spaced.Stderr);
        Assert.Equal(3, joined.ExitCode);
        Assert.DoesNotContain(Token, joined.AllOutput);
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--schema")]
    [InlineData("--json")]
    [InlineData("-o")]
    [InlineData("--base-url")]
    public void Other_options_are_not_taken_for_the_token(string option) => Assert.False(CliApp.IsTokenLike(option));

    [Fact]
    public async Task A_stray_positional_argument_equal_to_the_environment_token_is_masked()
    {
        var result = await Tool.RunAsync(Emulator.Environment, "schema", "diff", "a.json", "b.json", Emulator.Token);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Unrecognized command or argument '***'", result.Stderr);
        Assert.DoesNotContain(Emulator.Token, result.AllOutput);
    }

    [Fact]
    public async Task A_word_like_token_does_not_mangle_the_messages_around_it()
    {
        var result = await Tool.RunAsync(new Dictionary<string, string> { ["ATTIO_API_TOKEN"] = "usage" }, "schema", "pull", "--nope");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Run 'attio --help' for usage.", result.Stderr);
    }

    [Theory]
    [InlineData("Did you mean 'people'?", "Attio said: Did you mean 'people'? (execution id")]
    [InlineData("Object not found.", "Attio said: Object not found. (execution id")]
    [InlineData("Object not found", "Attio said: Object not found. (execution id")]
    [InlineData("Stop!", "Attio said: Stop! (execution id")]
    public void Attio_messages_end_in_one_punctuation_mark(string attioMessage, string expected)
    {
        var error = new AttioApiException(System.Net.HttpStatusCode.NotFound,
            new AttioErrorBody { StatusCode = 404, Type = "invalid_request_error", Code = "not_found", Message = attioMessage },
            "11111111-2222-3333-4444-555555555555", "GET", "/v2/objects/peple");

        var (_, message) = ErrorReporter.Describe(error, null);

        Assert.Contains(expected, message);
        Assert.DoesNotContain("?.", message);
        Assert.DoesNotContain("..", message);
        Assert.DoesNotContain("!.", message);
    }

    [Fact]
    public void A_message_without_an_execution_id_ends_once()
    {
        var error = new AttioApiException(System.Net.HttpStatusCode.NotFound,
            new AttioErrorBody { StatusCode = 404, Type = "invalid_request_error", Code = "not_found", Message = "Did you mean 'people'?" },
            null, "GET", "/v2/objects/peple");

        Assert.Equal("Attio returned 404 not_found for GET /v2/objects/peple. Attio said: Did you mean 'people'?", ErrorReporter.Describe(error, null).Message);
    }
}
