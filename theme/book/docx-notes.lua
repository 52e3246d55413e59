-- Sources are marked <span class="fn"> in the book's HTML (CSS float: footnote in the PDF);
-- in the Word document they become real footnotes. The second and later notes of a run (class "more")
-- are preceded by a raised ˒, so that notes 7, 8, 9 never read as note 789.
function Span(el)
  if el.classes:includes("fn") then
    local note = pandoc.Note(pandoc.Plain(el.content))
    if el.classes:includes("more") then
      return {pandoc.Superscript({pandoc.Str("˒")}), note}
    end
    return note
  end
end

-- Word's outline has no gaps: a heading is at most one level below the one before it (the book's HTML
-- uses h4/h5 for its smaller headings, which would skip levels in Word's navigation pane).
local last = 0
function Header(h)
  if h.level > last + 1 then
    h.level = last + 1
  end
  last = h.level
  return h
end
