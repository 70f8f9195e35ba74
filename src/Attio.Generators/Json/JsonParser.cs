using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Attio.Generators.Json;

/// <summary>Thrown by <see cref="JsonParser"/> for malformed JSON; caught by the schema parser and turned into ATTIO007.</summary>
internal sealed class JsonParseException : Exception
{
    public JsonParseException(string message, int position, int line, int column)
        : base(message)
    {
        Position = position;
        Line = line;
        Column = column;
    }

    public int Position { get; }

    public int Line { get; }

    public int Column { get; }
}

/// <summary>
/// A small strict JSON reader with positions. The generator runs on netstandard2.0 inside the compiler, where
/// bundling System.Text.Json is fragile; this keeps the analyzer self-contained and gives exact line/column info.
/// </summary>
internal sealed class JsonParser
{
    private const int MaxDepth = 128;
    private readonly string _text;
    private int _pos;
    private int _line;
    private int _lineStart;

    private JsonParser(string text) => _text = text;

    public static JsonNode Parse(string text)
    {
        var parser = new JsonParser(text);
        parser.SkipWhitespace();
        if (parser._pos < text.Length && text[parser._pos] == '\uFEFF')
        {
            parser._pos++;
            parser.SkipWhitespace();
        }

        var root = parser.ParseValue(0);
        parser.SkipWhitespace();
        if (parser._pos < text.Length)
        {
            throw parser.Error("Unexpected content after the end of the JSON document");
        }

        return root;
    }

    private JsonNode ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("The JSON is nested too deeply");
        }

        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            throw Error("Unexpected end of the file; the JSON is truncated");
        }

        char c = _text[_pos];
        JsonNode node;
        switch (c)
        {
            case '{':
                node = ParseObject(depth);
                break;
            case '[':
                node = ParseArray(depth);
                break;
            case '"':
                node = NewNode(JsonKind.String);
                node.StringValue = ParseString();
                break;
            case 't':
                node = NewNode(JsonKind.True);
                Expect("true");
                break;
            case 'f':
                node = NewNode(JsonKind.False);
                Expect("false");
                break;
            case 'n':
                node = NewNode(JsonKind.Null);
                Expect("null");
                break;
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    node = NewNode(JsonKind.Number);
                    node.NumberText = ParseNumber();
                    break;
                }

                throw Error($"Unexpected character '{Printable(c)}'");
        }

        node.End = _pos;
        node.EndLine = _line;
        node.EndColumn = _pos - _lineStart;
        return node;
    }

    private JsonNode ParseObject(int depth)
    {
        var node = NewNode(JsonKind.Object);
        node.Properties = new List<KeyValuePair<string, JsonNode>>();
        _pos++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return node;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("Expected a property name in double quotes");
            }

            string name = ParseString();
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error("Expected ':' after a property name");
            }

            _pos++;
            var value = ParseValue(depth + 1);
            node.Properties.Add(new KeyValuePair<string, JsonNode>(name, value));
            SkipWhitespace();
            char next = Peek();
            _pos++;
            if (next == ',')
            {
                continue;
            }

            if (next == '}')
            {
                return node;
            }

            _pos--;
            throw Error(next == '\0' ? "Unexpected end of the file inside an object; the JSON is truncated" : "Expected ',' or '}' in an object");
        }
    }

    private JsonNode ParseArray(int depth)
    {
        var node = NewNode(JsonKind.Array);
        node.Items = new List<JsonNode>();
        _pos++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return node;
        }

        while (true)
        {
            node.Items.Add(ParseValue(depth + 1));
            SkipWhitespace();
            char next = Peek();
            _pos++;
            if (next == ',')
            {
                continue;
            }

            if (next == ']')
            {
                return node;
            }

            _pos--;
            throw Error(next == '\0' ? "Unexpected end of the file inside an array; the JSON is truncated" : "Expected ',' or ']' in an array");
        }
    }

    private string ParseString()
    {
        _pos++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("Unterminated string; the JSON is truncated");
            }

            char c = _text[_pos++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c == '\\')
            {
                if (_pos >= _text.Length)
                {
                    throw Error("Unterminated escape sequence");
                }

                char e = _text[_pos++];
                switch (e)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                        {
                            throw Error("Invalid \\u escape sequence");
                        }

                        builder.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        _pos--;
                        throw Error($"Invalid escape sequence '\\{Printable(e)}'");
                }
            }
            else if (c < ' ')
            {
                _pos--;
                throw Error("Control characters must be escaped inside strings");
            }
            else
            {
                if (c == '\n')
                {
                    _line++;
                    _lineStart = _pos;
                }

                builder.Append(c);
            }
        }
    }

    private string ParseNumber()
    {
        int start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (!IsDigit(Peek()))
        {
            throw Error("Invalid number");
        }

        while (IsDigit(Peek()))
        {
            _pos++;
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!IsDigit(Peek()))
            {
                throw Error("Invalid number: digits expected after '.'");
            }

            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            _pos++;
            if (Peek() == '+' || Peek() == '-')
            {
                _pos++;
            }

            if (!IsDigit(Peek()))
            {
                throw Error("Invalid number: digits expected in the exponent");
            }

            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }

        return _text.Substring(start, _pos - start);
    }

    private void Expect(string literal)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw Error($"Unexpected token; expected '{literal}'");
        }

        _pos += literal.Length;
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }
            else if (c != ' ' && c != '\t' && c != '\r')
            {
                return;
            }

            _pos++;
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static string Printable(char c) => c < ' ' ? $"\\u{(int)c:X4}" : c.ToString();

    private JsonNode NewNode(JsonKind kind) => new(kind, _pos, _pos, _line, _pos - _lineStart);

    private JsonParseException Error(string message) =>
        new($"{message} (line {_line + 1}, column {_pos - _lineStart + 1})", _pos, _line, _pos - _lineStart);
}
