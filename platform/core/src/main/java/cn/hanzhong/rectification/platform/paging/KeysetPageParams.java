package cn.hanzhong.rectification.platform.paging;

import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;
import java.util.UUID;

/**
 * The paging parameters of the large lists (the ledger, the petitions): {@code page}/{@code size}/{@code sort} as
 * everywhere, plus {@code after}, the keyset cursor for deep pages and for walking the whole list. A numbered page
 * may not reach beyond item {@link PageRequest#MAX_OFFSET}: deep offsets cost the database every row skipped.
 */
public class KeysetPageParams extends PageParams {

    @QueryParam("after")
    @Parameter(description = "The nextCursor of the page before: the next page in the same sort, as deep as the list goes "
            + "(page is then not given). Numbered pages stop at item " + PageRequest.MAX_OFFSET + ".")
    String after;

    public KeysetPageParams() {
    }

    public KeysetPageParams(String page, String size, List<String> sort, String after) {
        super(page, size, sort);
        this.after = after;
    }

    @Override
    public PageRequest toRequest(SortableFields sortable) {
        PageRequest r = super.toRequest(sortable);
        if (after != null && !after.isBlank()) {
            if (r.page() != 0) {
                throw new InvalidInputException("page", "give either page or after, not both");
            }
            UUID anchor = Cursor.parse(after);
            return new PageRequest(0, r.size(), r.sort(), anchor);
        }
        if (r.offset() + r.size() > PageRequest.MAX_OFFSET) {
            throw new InvalidInputException("page", "numbered pages stop at item " + PageRequest.MAX_OFFSET
                    + "; walk deeper with after=<nextCursor of the page before>");
        }
        return r;
    }
}
