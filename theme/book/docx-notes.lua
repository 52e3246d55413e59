-- Sources are marked <span class="fn"> in the book's HTML (CSS float: footnote in the PDF);
-- in the Word document they become real footnotes.
function Span(el)
  if el.classes:includes("fn") then
    return pandoc.Note(pandoc.Plain(el.content))
  end
end
