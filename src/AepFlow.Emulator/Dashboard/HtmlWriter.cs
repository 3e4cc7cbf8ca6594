using System.Text;
using System.Text.Encodings.Web;

namespace AepFlow.Emulator.Dashboard;

/// <summary>
/// Builds the dashboard's HTML. Every piece of text goes through <see cref="Text"/> (HTML-encoded); markup is only ever
/// written from constants in this assembly, so nothing a client sent can become markup.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();

    /// <summary>Writes constant markup.</summary>
    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>Writes text, encoded.</summary>
    public HtmlWriter Text(string? text)
    {
        _html.Append(HtmlEncoder.Default.Encode(text ?? string.Empty));
        return this;
    }

    /// <summary>A table with a heading, its column names and rows of cell texts; an empty table says so.</summary>
    public void Table(string id, string heading, string[] columns, IEnumerable<string?[]> rows)
    {
        Raw("<section id=\"").Raw(id).Raw("\"><h3>").Text(heading).Raw("</h3>");
        var any = false;
        foreach (var row in rows)
        {
            if (!any)
            {
                Raw("<table><thead><tr>");
                foreach (var column in columns)
                {
                    Raw("<th>").Text(column).Raw("</th>");
                }

                Raw("</tr></thead><tbody>");
                any = true;
            }

            Raw("<tr>");
            foreach (var cell in row)
            {
                Raw("<td>").Text(cell).Raw("</td>");
            }

            Raw("</tr>");
        }

        Raw(any ? "</tbody></table>" : "<p class=\"empty\">none</p>").Raw("</section>");
    }

    public override string ToString() => _html.ToString();
}
