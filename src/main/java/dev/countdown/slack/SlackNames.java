package dev.countdown.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.countdown.people.NameSource;
import dev.countdown.release.IdentitySource;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Stream;

/** The name Slack shows for a user: their display name, else their full name, else their handle (users.info). */
final class SlackNames implements NameSource {

    private final MethodsClient slack;

    SlackNames(MethodsClient slack) {
        this.slack = slack;
    }

    @Override
    public IdentitySource source() {
        return IdentitySource.SLACK;
    }

    @Override
    public Optional<String> nameOf(String userId) throws Exception {
        UsersInfoResponse response = slack.usersInfo(r -> r.user(userId));
        if (!response.isOk()) {
            if ("user_not_found".equals(response.getError())) {
                return Optional.empty();
            }
            throw new IOException("users.info: " + response.getError());
        }
        User user = response.getUser();
        User.Profile profile = user.getProfile();
        return Stream.of(profile == null ? null : profile.getDisplayName(), profile == null ? null : profile.getRealName(),
                user.getRealName(), user.getName()).filter(n -> n != null && !n.isBlank()).findFirst();
    }
}
