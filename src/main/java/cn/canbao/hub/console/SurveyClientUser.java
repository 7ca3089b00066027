package cn.canbao.hub.console;

import java.util.List;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;

/** A registered survey client as Spring Security authenticates it: role SURVEYOR, limited to its regions. */
final class SurveyClientUser extends User {

    private final List<String> regions;

    SurveyClientUser(String clientId, String secretHash, List<String> regions, boolean enabled) {
        super(clientId, secretHash, enabled, true, true, true, AuthorityUtils.createAuthorityList("ROLE_SURVEYOR"));
        this.regions = List.copyOf(regions);
    }

    List<String> regions() {
        return regions;
    }
}
