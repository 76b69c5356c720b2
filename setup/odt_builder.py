"""A small writer of py3o ODT templates, used by setup/build_report_templates.py.

A template is a list of blocks: paragraphs whose text may hold ``${expr}``
(written as a py3o user field, which LibreOffice shows and lets edit under
Insert › Field › More Fields › Variables), loops and conditions (py3o links
``for="..."`` and ``if="..."``) and tables whose data row repeats. The result
is an ordinary ODT an organisation opens in LibreOffice or Word, changes and
uploads back as its own layout.
"""

import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

EXPRESSION = re.compile(r"\$\{(.+?)\}")
TEXT_WIDTH_CM = 16.5

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'office:version="1.3"'
)

FONTS = (
    '<office:font-face-decls><style:font-face style:name="Times New Roman" '
    'svg:font-family="&apos;Times New Roman&apos;" style:font-family-generic="roman" '
    'style:font-pitch="variable"/></office:font-face-decls>'
)


def _paragraph_style(
    name, size="12pt", align="justify", bold=False, indent="0cm", above="0cm", below="0.1cm", extra=""
):
    weight = ' fo:font-weight="bold"' if bold else ""
    return (
        f'<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="Standard">'
        f'<style:paragraph-properties fo:text-align="{align}" fo:text-indent="{indent}" '
        f'fo:margin-top="{above}" fo:margin-bottom="{below}" {extra}/>'
        f'<style:text-properties fo:font-size="{size}"{weight}/></style:style>'
    )


PARAGRAPH_STYLES = "".join(
    (
        _paragraph_style("Body", indent="1.25cm"),
        _paragraph_style("Plain", align="start"),
        _paragraph_style("Center", align="center"),
        _paragraph_style("Right", align="end"),
        _paragraph_style("Org", align="center", bold=True),
        _paragraph_style("OrgPage", align="center", bold=True, extra='fo:break-before="page"'),
        _paragraph_style("Title", size="14pt", align="center", bold=True, above="0.4cm", below="0.3cm"),
        _paragraph_style("Big", size="36pt", align="center", bold=True, above="4cm", below="0.6cm"),
        _paragraph_style("Lead", size="14pt", align="center", above="0.3cm"),
        _paragraph_style("Spaced", align="center", above="4cm", below="1cm"),
        _paragraph_style("Name", size="22pt", align="center", bold=True, above="1.2cm", below="1.2cm"),
        _paragraph_style(
            "Heading", align="start", bold=True, above="0.3cm", below="0.15cm", extra='fo:keep-with-next="always"'
        ),
        _paragraph_style("Item", indent="-0.5cm", extra='fo:margin-left="1.75cm"'),
        _paragraph_style("Cell", size="10pt", align="start", below="0cm"),
        _paragraph_style("CellCenter", size="10pt", align="center", below="0cm"),
        _paragraph_style("CellHead", size="9pt", align="center", bold=True, below="0cm"),
        _paragraph_style("CellSection", size="10pt", align="start", bold=True, below="0cm"),
        _paragraph_style("Small", size="10pt", align="start"),
        _paragraph_style("Approve", align="start", extra='fo:margin-left="9.5cm"'),
    )
)

STYLES_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NAMESPACES}>{FONTS}<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties fo:line-height="115%"/>
<style:text-properties style:font-name="Times New Roman" fo:font-size="12pt" fo:language="ru" fo:country="RU"/>
</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Tabbed" style:family="paragraph" style:parent-style-name="Standard">
<style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.3cm"><style:tab-stops>
<style:tab-stop style:position="{TEXT_WIDTH_CM}cm" style:type="right"/></style:tab-stops></style:paragraph-properties>
</style:style>
{PARAGRAPH_STYLES}
</office:styles>
<office:automatic-styles><style:page-layout style:name="A4">
<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait"
 fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/>
</style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
</office:document-styles>
"""

MANIFEST_XML = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""

CELL_STYLE = (
    '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties '
    'fo:border="0.5pt solid #000000" fo:padding="0.08cm" style:vertical-align="top"/></style:style>'
    '<style:style style:name="Blank" style:family="table-cell"><style:table-cell-properties '
    'fo:border="none" fo:padding="0.05cm"/></style:style>'
    # a row is never split across two pages: it moves whole to the next one
    '<style:style style:name="Row" style:family="table-row"><style:table-row-properties '
    'fo:keep-together="always"/></style:style>'
)
ROW = '<table:table-row table:style-name="Row">'


class Template:
    """Collects the user fields and table styles of one template while its
    blocks are written."""

    def __init__(self):
        self.fields = []
        self.table_styles = []

    # inline -------------------------------------------------------------

    def inline(self, text):
        """Text with ``${expr}`` turned into py3o user fields."""
        parts = []
        for index, piece in enumerate(EXPRESSION.split(text)):
            if index % 2:
                name = f"py3o.{piece}"
                if name not in self.fields:
                    self.fields.append(name)
                parts.append(f"<text:user-field-get text:name={quoteattr(name)}>{escape(piece)}</text:user-field-get>")
            else:
                parts.append(escape(piece).replace("\t", "<text:tab/>"))
        return "".join(parts)

    # blocks -------------------------------------------------------------

    def p(self, text="", style="Body"):
        return f'<text:p text:style-name="{style}">{self.inline(text)}</text:p>'

    @staticmethod
    def _instruction(instruction, style="Plain"):
        href = quoteattr(f"py3o://{instruction}")
        return f'<text:p text:style-name="{style}"><text:a xlink:href={href}>{escape(instruction)}</text:a></text:p>'

    def loop(self, expr, *blocks):
        """Repeat ``blocks`` for ``expr`` (``"item in items"``)."""
        return self._instruction(f'for="{expr}"') + "".join(blocks) + self._instruction("/for")

    def when(self, expr, *blocks):
        return self._instruction(f'if="{expr}"') + "".join(blocks) + self._instruction("/if")

    def page_break(self):
        return '<text:p text:style-name="PageBreak"/>'

    def table(self, columns, row_expr=None, rows=(), header=True, borders=True, sections=None, footer=None):
        """A table of ``columns`` — (title, width in cm, cell text, cell
        style) — with a header row repeated on every page and a data row
        repeated for ``row_expr``. ``sections`` is (condition, text): a row
        spanning the table, printed instead of the data row when the
        condition holds (the section headings of a plan). Fixed ``rows``
        (lists of texts) make a layout table without borders; ``footer``
        (texts and styles, one per column) is a last row, such as a total.
        No row is split across two pages."""
        name = f"T{len(self.table_styles) + 1}"
        width = sum(column[1] for column in columns)
        styles = [
            (
                f'<style:style style:name="{name}" style:family="table"><style:table-properties '
                f'style:width="{width}cm" table:align="left"/></style:style>'
            )
        ]
        xml = [f'<table:table table:name="{name}" table:style-name="{name}">']
        for index, (_title, column_width, *_rest) in enumerate(columns):
            column_style = f"{name}.{chr(65 + index)}"
            styles.append(
                f'<style:style style:name="{column_style}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{column_width}cm"/></style:style>'
            )
            xml.append(f'<table:table-column table:style-name="{column_style}"/>')
        self.table_styles.extend(styles)
        cell_style = "Cell" if borders else "Blank"
        if header:
            xml.append(f"<table:table-header-rows>{ROW}")
            xml.extend(self._cell(column[0], "CellHead", cell_style) for column in columns)
            xml.append("</table:table-row></table:table-header-rows>")
        for row in rows:
            xml.append(ROW)
            xml.extend(self._cell(text, style, cell_style) for text, style in row)
            xml.append("</table:table-row>")
        if row_expr:
            xml.append(self._spanning_row(columns, self._instruction(f'for="{row_expr}"'), cell_style))
            if sections:
                condition, text = sections
                xml.append(self._spanning_row(columns, self._instruction(f'if="{condition}"'), cell_style))
                xml.append(self._spanning_row(columns, self.p(text, "CellSection"), cell_style))
                xml.append(self._spanning_row(columns, self._instruction("/if"), cell_style))
                xml.append(self._spanning_row(columns, self._instruction(f'if="not ({condition})"'), cell_style))
            xml.append(ROW)
            xml.extend(
                self._cell(column[2], column[3] if len(column) > 3 else "Cell", cell_style) for column in columns
            )
            xml.append("</table:table-row>")
            if sections:
                xml.append(self._spanning_row(columns, self._instruction("/if"), cell_style))
            xml.append(self._spanning_row(columns, self._instruction("/for"), cell_style))
        if footer:
            xml.append(ROW)
            xml.extend(self._cell(text, style, cell_style) for text, style in footer)
            xml.append("</table:table-row>")
        xml.append("</table:table>")
        return "".join(xml)

    def _cell(self, text, paragraph_style, cell_style):
        paragraphs = "".join(self.p(line, paragraph_style) for line in text.split("\n"))
        return (
            f'<table:table-cell table:style-name="{cell_style}" office:value-type="string">'
            f"{paragraphs}</table:table-cell>"
        )

    @staticmethod
    def _spanning_row(columns, content, cell_style):
        covered = "<table:covered-table-cell/>" * (len(columns) - 1)
        return (
            f'{ROW}<table:table-cell table:style-name="{cell_style}" '
            f'table:number-columns-spanned="{len(columns)}" office:value-type="string">{content}'
            f"</table:table-cell>{covered}</table:table-row>"
        )

    # the document -------------------------------------------------------

    def content_xml(self, body):
        declarations = "".join(
            f'<text:user-field-decl office:value-type="string" office:string-value="" text:name={quoteattr(name)}/>'
            for name in self.fields
        )
        page_break = (
            '<style:style style:name="PageBreak" style:family="paragraph" style:parent-style-name="Standard">'
            '<style:paragraph-properties fo:break-before="page"/></style:style>'
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NAMESPACES}>{FONTS}'
            f"<office:automatic-styles>{CELL_STYLE}{page_break}{''.join(self.table_styles)}</office:automatic-styles>"
            f"<office:body><office:text><text:user-field-decls>{declarations}</text:user-field-decls>"
            f"{body}</office:text></office:body></office:document-content>\n"
        )


def write_odt(path, title, build):
    """Write the template made by ``build(template)`` (which returns the
    body's blocks) to ``path``; the archive is reproducible (fixed dates)."""
    template = Template()
    body = "".join(build(template))
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {NAMESPACES}>'
        f"<office:meta><dc:title>{escape(title)}</dc:title><dc:language>ru-RU</dc:language></office:meta>"
        "</office:document-meta>\n"
    )
    entries = (
        ("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED),
        ("META-INF/manifest.xml", MANIFEST_XML, zipfile.ZIP_DEFLATED),
        ("content.xml", template.content_xml(body), zipfile.ZIP_DEFLATED),
        ("styles.xml", STYLES_XML, zipfile.ZIP_DEFLATED),
        ("meta.xml", meta, zipfile.ZIP_DEFLATED),
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data, compression in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = compression
            archive.writestr(info, data)
