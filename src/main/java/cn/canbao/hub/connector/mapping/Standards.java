package cn.canbao.hub.connector.mapping;

import cn.canbao.hub.standard.CodeTables;
import cn.canbao.hub.standard.IdentityNumbers;
import cn.canbao.hub.standard.RegionCodes;

/** The national standards a mapping checks values against, loaded once and shared by every connector. */
public record Standards(IdentityNumbers identityNumbers, RegionCodes regionCodes, CodeTables codeTables) {
}
